"""What the other apps show on a city's page, without ``cities`` importing them.

The apps that relate their content to cities (the agenda's events hosted, the press
review's articles) register it here when they are ready, as apps register their models
with the admin: a ``Prefetch`` for a short relation (the groups a city coordinates), or
the latest items of a long one (``register_latest``). Each costs one query a page.
"""

_prefetches = {}
_latest = {}

#: How many of a long relation (events hosted, press mentions) a city page lists, the
#: latest first: the page costs the same however many there are. One more is read, to
#: know whether to link to the rest.
SHOWN = 10


def register(prefetch):
    """Show a relation on the city page: a ``Prefetch`` of a reverse relation of City."""
    _prefetches[prefetch.prefetch_to] = prefetch


def register_latest(attribute, newest_first):
    """Show the latest ``SHOWN`` of a long relation as ``city.<attribute>``:
    ``newest_first(city)`` is its queryset, in that order (indexed, so that reading
    the first few never reads them all)."""
    _latest[attribute] = newest_first


def prefetches():
    return list(_prefetches.values())


def add_latest(city):
    """Give ``city`` the lists ``register_latest`` asked for (one more than ``SHOWN``)."""
    for attribute, newest_first in _latest.items():
        setattr(city, attribute, list(newest_first(city)[: SHOWN + 1]))
