"""The directory of network cities: each city's status on a day, filtered and sorted.

Two reads, whatever the filter and the sort: each city's entry in force on the day (the
database picks it, ``StatusChangeQuerySet.entry_of_each_city``) and the cities as plain
rows. The counts per status come from the first; only the rows of the page shown get
their address."""

import datetime
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from recs.common.languages import text_contains, translated_rows

from .models import City, Region, Status

#: The columns the directory sorts by (ties in name order), see ``CityFilterForm``.
SORTS = ("name", "region", "status", "since", "population")
STATUS_ORDER = {status.value: index for index, status in enumerate(Status)}


class DirectoryRow(NamedTuple):
    """A city of the directory: what filtering and sorting read, and its address once it
    is on the page shown (``Rows``)."""

    pk: int
    name: str
    slug: str
    region: str
    region_label: str
    population: int | None
    current_status: str | None
    status_since: datetime.date | None
    latitude: float | None
    longitude: float | None
    url: str = ""

    @property
    def status_label(self):
        return Status(self.current_status).label if self.current_status else ""

    def get_absolute_url(self):
        return self.url

    def get_region_display(self):
        return self.region_label


class Rows(Sequence):
    """The directory's rows, sorted; a row's address is made only when it is read, so a
    page of 50 costs 50 however many cities match."""

    def __init__(self, rows, address):
        self.rows, self.address = rows, address

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [row._replace(url=self.address(row.slug)) for row in self.rows[index]]
        row = self.rows[index]
        return row._replace(url=self.address(row.slug))


def directory(on=None, q="", status="", region="", sort="name"):
    """(the rows, sorted; {Status: number of cities} on that day, of every network city)."""
    members = City.objects.members()
    entries = members.status_entries(on=on)
    counts = Counter(current for current, _since in entries.values())
    chosen = members
    if q:
        chosen = chosen.filter(text_contains(q, translated=("name",)))
    if region:
        chosen = chosen.filter(region=region)
    url = City.absolute_url_maker()
    regions = {value: str(label) for value, label in Region.choices}
    found = []
    for pk, region_code, population, latitude, longitude, name, slug in translated_rows(
        chosen, plain=("pk", "region", "population", "latitude", "longitude"), translated=("name", "slug")
    ):
        current, since = entries.get(pk, (None, None))
        if on and current is None:
            continue  # not yet a member on that day
        if status and current != status:
            continue
        found.append(
            DirectoryRow(
                pk,
                name,
                slug,
                region_code,
                regions.get(region_code, ""),
                population,
                current,
                since,
                latitude,
                longitude,
            )
        )
    return Rows(sort_rows(found, sort), url), {status: counts[status.value] for status in Status}


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
