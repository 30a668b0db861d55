"""What the other apps show on a city's page, without ``cities`` importing them.

The apps that relate their content to cities (the agenda's events hosted, the press
review's articles) register a prefetch here when they are ready, as apps register
their models with the admin; the city page asks for all of them, one query each.
"""

_prefetches = {}

#: How many of a long relation (events hosted, press mentions) a city page lists, the
#: latest first: the page costs the same however many there are. One more is read, to
#: know whether to link to the rest.
SHOWN = 10


def register(prefetch):
    """Show a relation on the city page: a ``Prefetch`` of a reverse relation of City."""
    _prefetches[prefetch.prefetch_to] = prefetch


def prefetches():
    return list(_prefetches.values())
