"""The directory of network cities: each city's status on a day, filtered and sorted.

The database filters, sorts and pages: a page of the directory reads the counts per
status and its 50 rows (and the number of cities that match, when a name or a region is
asked for), however many cities there are. Today, each city's stored status
(``City.status_in_force``); on another day, each city's entry in force then, read once
(``CityQuerySet.status_entries``) for the counts, the cities listed and their status.
Names are sorted as ``recs.common.collation`` says, the same in both databases."""

import datetime
from collections import Counter
from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils import translation

from recs.common.collation import Folded
from recs.common.expressions import OneOf
from recs.common.languages import localized, text_contains, translated_values

from .models import City, Region, Status

#: The columns the directory sorts by (ties in name order), see ``CityFilterForm``.
SORTS = ("name", "region", "status", "since", "population")


class DirectoryRow(NamedTuple):
    """A city of the directory as its table, its map and its spreadsheet show it."""

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
    url: str

    @property
    def status_label(self):
        return Status(self.current_status).label if self.current_status else ""

    def get_absolute_url(self):
        return self.url

    def get_region_display(self):
        return self.region_label


class Rows(Sequence):
    """The directory's rows still to be read, for the paginator: its length is a count
    (unless known), a page one query of the page's rows; the spreadsheet reads them all
    at once. Each city's status is the stored one, or on a past day the one ``statuses``
    gives ({city pk: (status, since)})."""

    PLAIN = ("pk", "region", "population", "latitude", "longitude")

    def __init__(self, cities, length=None, statuses=None):
        self.statuses = statuses
        stored = City.STORED_STATUS if statuses is None else ()
        self.values = translated_values(cities, plain=(*self.PLAIN, *stored), translated=("name", "slug"))
        if length is not None:
            self.matching = length  # known already: no count
        self.address = City.absolute_url_maker()
        self.regions = {value: str(label) for value, label in Region.choices}

    @cached_property
    def matching(self):
        return self.values.count()

    def __len__(self):
        return self.matching

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self.row(values) for values in self.values[index]]
        return self.row(self.values[index])

    def __iter__(self):
        return (self.row(values) for values in self.values)

    def row(self, values):
        if self.statuses is None:
            pk, region, population, latitude, longitude, status, since, name, slug = values
        else:
            pk, region, population, latitude, longitude, name, slug = values
            status, since = self.statuses[pk]
        return DirectoryRow(
            pk, name, slug, region, self.regions.get(region, ""), population, status or None, since,
            latitude, longitude, self.address(slug),
        )  # fmt: skip


def directory(on=None, q="", status="", region="", sort="name"):
    """(the rows, sorted; {Status: number of cities} on that day, of every network city)."""
    members = City.objects.members()
    if on is None:
        # Every network city, of each status and of none yet ("").
        numbers = dict(members.order_by().values_list("status_in_force").annotate(Count("pk")))
        counts = {each: numbers.get(each.value, 0) for each in Status}
        known = numbers.get(status, 0) if status else sum(numbers.values())
        chosen = members.filter(status_in_force=status) if status else members
        statuses, ordered = None, order_by(sort, "status_in_force", "status_in_force_since")
    else:  # each city's entry then, read once: the counts, the cities listed and their status
        statuses = members.status_entries(on=on)
        found = Counter(current for current, _since in statuses.values())
        counts = {each: found[each.value] for each in Status}
        listed = [pk for pk, (current, _since) in statuses.items() if current == status or not status]
        known = len(listed)
        chosen = members.filter(OneOf("pk", listed))
        if sort.lstrip("-") in ("status", "since"):  # the database needs that day's too
            chosen = chosen.with_status(on=on)
        ordered = order_by(sort, "current_status", "status_since")
    if q:
        chosen = chosen.filter(text_contains(q, translated=("name",)))
    if region:
        chosen = chosen.filter(region=region)
    return Rows(chosen.order_by(*ordered), None if q or region else known, statuses), counts


def order_by(sort, status, since):
    """By ``sort`` ("-population": largest first), empty values last either way, ties in
    name order (by name descending: the whole order reversed); ``status`` and ``since``
    name the columns (or annotations) with each city's status and its date."""
    name = Folded(localized("name", translation.get_language()))
    column, descending = sort.lstrip("-"), sort.startswith("-")
    if column == "name":
        return [name.desc(), F("pk").desc()] if descending else [name.asc(), F("pk").asc()]
    value = {
        "region": ranked("region", sorted(Region.choices, key=lambda choice: str(choice[1]).casefold())),
        "status": ranked(status, Status.choices),
        "since": F(since),
        "population": F("population"),
    }[column]
    first = value.desc(nulls_last=True) if descending else value.asc(nulls_last=True)
    return [first, name.asc(), F("pk").asc()]


def ranked(field, choices):
    """The rank of ``field``'s value among ``choices`` (NULL for any other value)."""
    return Case(
        *(When(**{field: value}, then=Value(rank)) for rank, (value, _label) in enumerate(choices)),
        default=None,
        output_field=IntegerField(),
    )
