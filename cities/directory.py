"""The directory of network cities: each city's status on a day, filtered and sorted.

The database filters, sorts and pages: a page of the directory reads its 50 rows, the
number of cities that match and the counts per status (three queries), however many
cities there are. Today, each city's stored status (``City.status_in_force``); on another
day, its entry in force then (``CityQuerySet.with_status``); the counts of that day say
how many rows there are, unless a name or a region is asked for. Names are sorted as
``recs.common.collation`` says, the same in both databases."""

import datetime
from collections.abc import Sequence
from functools import cached_property
from typing import NamedTuple

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils import translation

from recs.common.collation import Folded
from recs.common.languages import localized, text_contains, translated_values

from .models import City, Region, Status, StatusChange

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
    at once."""

    PLAIN = ("pk", "region", "population", "current_status", "status_since", "latitude", "longitude")

    def __init__(self, cities, length=None):
        self.values = translated_values(cities, plain=self.PLAIN, translated=("name", "slug"))
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
            return [self.row(*values) for values in self.values[index]]
        return self.row(*self.values[index])

    def __iter__(self):
        return (self.row(*values) for values in self.values)

    def row(self, pk, region, population, status, since, latitude, longitude, name, slug):
        return DirectoryRow(
            pk, name, slug, region, self.regions.get(region, ""), population, status, since,
            latitude, longitude, self.address(slug),
        )  # fmt: skip


def directory(on=None, q="", status="", region="", sort="name"):
    """(the rows, sorted; {Status: number of cities} on that day, of every network city)."""
    members = City.objects.members()
    chosen = members.with_status(on=on)
    known = None  # the number of rows, when the counts say it
    if on is None:
        # Every network city, of each status and of none yet ("").
        numbers = dict(members.order_by().values_list("status_in_force").annotate(Count("pk")))
        counts = {each: numbers.get(each.value, 0) for each in Status}
        if status:
            chosen = chosen.filter(status_in_force=status)
        if not (q or region):
            known = numbers.get(status, 0) if status else sum(numbers.values())
    else:  # the cities with an entry in force then (of that status): one pass, not one a city
        counts = members.status_counts(on=on)
        entries = StatusChange.objects.filter(
            pk__in=StatusChange.objects.entry_of_each_city(on=on).values("pk"),
            **({"status": status} if status else {}),
        )
        chosen = chosen.filter(pk__in=entries.values("city_id"))
        if not (q or region):
            known = counts[Status(status)] if status else sum(counts.values())
    if q:
        chosen = chosen.filter(text_contains(q, translated=("name",)))
    if region:
        chosen = chosen.filter(region=region)
    return Rows(chosen.order_by(*order_by(sort)), known), counts


def order_by(sort):
    """By ``sort`` ("-population": largest first), empty values last either way, ties in
    name order (by name descending: the whole order reversed)."""
    name = Folded(localized("name", translation.get_language()))
    column, descending = sort.lstrip("-"), sort.startswith("-")
    if column == "name":
        return [name.desc(), F("pk").desc()] if descending else [name.asc(), F("pk").asc()]
    value = {
        "region": ranked("region", sorted(Region.choices, key=lambda choice: str(choice[1]).casefold())),
        "status": ranked("current_status", Status.choices),
        "since": F("status_since"),
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
