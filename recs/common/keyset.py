"""Pages of a long list, newest first, found by position rather than by number.

A page is asked for as ``?before=<cursor>`` (the older items after one), ``?after=<cursor>``
(the newer ones before it) or ``?oldest=1``; a cursor is an item's date and primary key,
``2004-12-03.1234``. Each page then costs one indexed range read, however deep it lies in
a list of millions, where ``?page=5000`` would make the database count and skip every item
before it. A cursor that cannot be read is a 404.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

PARAMETERS = ("before", "after", "oldest", "page")


@dataclass
class KeysetPage:
    items: list
    #: Cursors for the links: None where there is nothing more that way.
    newer: str | None
    older: str | None
    #: The page is the list's first (newest) or last (oldest).
    is_newest: bool
    is_oldest: bool

    @property
    def has_other_pages(self):
        return not (self.is_newest and self.is_oldest)


def cursor(item, date_field):
    return f"{getattr(item, date_field).isoformat()}.{item.pk}"


def read_cursor(text):
    try:
        day, pk = text.split(".")
        day, pk = datetime.date.fromisoformat(day), int(pk)
    except ValueError:
        raise Http404("Not a position in this list.") from None
    if not 0 < pk < 2**63:  # a key the database could not even compare
        raise Http404("Not a position in this list.")
    return day, pk


def paginate(queryset, params, date_field, size):
    """The page of ``queryset`` (newest first by ``date_field``, then pk) that ``params``
    (the request's query) asks for."""
    newest_first = (f"-{date_field}", "-pk")
    oldest_first = (date_field, "pk")

    def older_than(day, pk):
        return Q(**{f"{date_field}__lt": day}) | Q(**{date_field: day, "pk__lt": pk})

    def newer_than(day, pk):
        return Q(**{f"{date_field}__gt": day}) | Q(**{date_field: day, "pk__gt": pk})

    if params.get("before"):
        day, pk = read_cursor(params["before"])
        items = list(queryset.filter(older_than(day, pk)).order_by(*newest_first)[: size + 1])
        more_older, more_newer = len(items) > size, None
        items = items[:size]
    elif params.get("after"):
        day, pk = read_cursor(params["after"])
        items = list(queryset.filter(newer_than(day, pk)).order_by(*oldest_first)[: size + 1])
        more_older, more_newer = None, len(items) > size
        items = items[:size][::-1]
    elif params.get("oldest"):
        items = list(queryset.order_by(*oldest_first)[: size + 1])
        more_older, more_newer = False, len(items) > size
        items = items[:size][::-1]
    else:
        items = list(queryset.order_by(*newest_first)[: size + 1])
        more_older, more_newer = len(items) > size, False
        items = items[:size]
    # The one direction a page's own read does not tell: one indexed look.
    if items and more_newer is None:
        more_newer = queryset.filter(newer_than(getattr(items[0], date_field), items[0].pk)).exists()
    if items and more_older is None:
        more_older = queryset.filter(older_than(getattr(items[-1], date_field), items[-1].pk)).exists()
    return KeysetPage(
        items=items,
        newer=cursor(items[0], date_field) if items and more_newer else None,
        older=cursor(items[-1], date_field) if items and more_older else None,
        is_newest=not more_newer,
        is_oldest=not more_older,
    )
