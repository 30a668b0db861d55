"""The directory of network cities: each city's status on a day, filtered and sorted,
from one read of the adhesion history (``Timeline``) and one of the cities as plain
rows; the counts per status come from the same read. Three queries with any filter
and sort, and no per-city subqueries."""

import datetime
from dataclasses import dataclass

from recs.common.languages import text_contains, translated_rows

from .models import City, Region, Status, Timeline

#: The columns the directory sorts by (ties in name order), see ``CityFilterForm``.
SORTS = ("name", "region", "status", "since", "population")
STATUS_ORDER = {status.value: index for index, status in enumerate(Status)}


@dataclass
class DirectoryRow:
    pk: int
    name: str
    url: str
    region: str
    region_label: str
    population: int | None
    current_status: str | None
    status_since: datetime.date | None

    @property
    def status_label(self):
        return Status(self.current_status).label if self.current_status else ""

    def get_absolute_url(self):
        return self.url

    def get_region_display(self):
        return self.region_label


def directory(on=None, q="", status="", region="", sort="name"):
    """(the rows, sorted; {Status: number of cities} on that day, of every network city)."""
    members = City.objects.members()
    timeline = Timeline(members)
    entries = timeline.entries_on(on)
    chosen = members
    if q:
        chosen = chosen.filter(text_contains(q, translated=("name",)))
    if region:
        chosen = chosen.filter(region=region)
    url = City.absolute_url_maker()
    regions = {value: str(label) for value, label in Region.choices}
    rows = []
    for pk, region_code, population, name, slug in translated_rows(
        chosen, plain=("pk", "region", "population"), translated=("name", "slug")
    ):
        current, since = entries.get(pk, (None, None))
        if on and current is None:
            continue  # not yet a member on that day
        if status and current != status:
            continue
        rows.append(
            DirectoryRow(
                pk, name, url(slug), region_code, regions.get(region_code, ""), population, current, since
            )
        )
    return sort_rows(rows, sort), timeline.counts_on([on])[on]


def sort_rows(rows, sort):
    """By ``sort`` ("-population": largest first); empty values last either way."""
    rows.sort(key=lambda row: (row.name.casefold(), row.pk))
    column = sort.lstrip("-")
    if column == "name":
        return rows[::-1] if sort.startswith("-") else rows
    value = {
        "region": lambda row: row.region_label.casefold() or None,
        "status": lambda row: STATUS_ORDER.get(row.current_status),
        "since": lambda row: row.status_since,
        "population": lambda row: row.population,
    }[column]
    known = [row for row in rows if value(row) is not None]
    known.sort(key=value, reverse=sort.startswith("-"))  # stable: ties stay in name order
    return known + [row for row in rows if value(row) is None]
