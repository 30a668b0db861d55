"""The directory of network cities: each city's status on a day, filtered and sorted.

Today, the cities as plain rows with the status each keeps (``City.status_in_force``)
and the counts per status, counted by the database. On another day, each city's entry
in force then (the database picks it, ``StatusChangeQuerySet.entry_of_each_city``)
instead of the stored one. Only the rows of the page shown get their address and
coordinates (for the map under the table)."""

import datetime
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from django.db.models import Count

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
    latitude: float | None = None  # filled in for the page shown (``Rows``)
    longitude: float | None = None
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
            rows = self.rows[index]
            places = places_of([row.pk for row in rows])
            return [row._replace(url=self.address(row.slug), **places.get(row.pk, {})) for row in rows]
        row = self.rows[index]
        return row._replace(url=self.address(row.slug))


def places_of(pks):
    """{city pk: its coordinates} for a page's rows: read for 50 cities, not 2,000
    (decimal columns are slow to read)."""
    rows = City.objects.filter(pk__in=pks).values_list("pk", "latitude", "longitude")
    return {pk: {"latitude": latitude, "longitude": longitude} for pk, latitude, longitude in rows}


def directory(on=None, q="", status="", region="", sort="name"):
    """(the rows, sorted; {Status: number of cities} on that day, of every network city)."""
    members = City.objects.members()
    if on is None:  # today: each city's stored status, read with its row
        entries = None
        counts = Counter(
            dict(
                members.exclude(status_in_force="")
                .order_by()
                .values_list("status_in_force")
                .annotate(Count("pk"))
            )
        )
    else:
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
    for pk, region_code, population, stored, stored_since, name, slug in translated_rows(
        chosen, plain=("pk", "region", "population", *City.STORED_STATUS), translated=("name", "slug")
    ):
        current, since = (
            entries.get(pk, (None, None)) if entries is not None else (stored or None, stored_since)
        )
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
