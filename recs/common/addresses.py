"""Addresses of many objects at once: one ``reverse()`` per view and language, then the
objects' values put in its place (``reverse()`` costs tens of microseconds; a sitemap
page has thousands of addresses)."""

from django.urls import reverse
from django.utils import translation

from .languages import fallback_chain, first_text


def address_maker(viewname, language, **values):
    """A function giving an object's address in ``language`` for ``viewname``, whose
    URL arguments are ``values``: name → function of the object."""
    # Markers that pass any converter (int, slug, str) and appear nowhere else in a path.
    markers = {name: str(9_000_000_001 + index) for index, name in enumerate(values)}
    with translation.override(language):
        template = reverse(viewname, kwargs=markers)

    def address(obj):
        path = template
        for name, marker in markers.items():
            path = path.replace(marker, str(values[name](obj)), 1)
        return path

    return address


def translated(field, language):
    """A function giving an object's ``field`` as ``language`` shows it (with fallbacks)."""
    columns = [f"{field}_{code}" for code in fallback_chain(language)]

    def value(obj):
        return first_text(map(obj.__dict__.get, columns))

    return value
