"""Addresses of many objects at once: one ``reverse()`` per view and language, then the
objects' values put in its place (``reverse()`` costs tens of microseconds; a sitemap
page has thousands of addresses, a list page dozens)."""

import re
from functools import cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
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


#: Values a path takes as they are: what reverse() would neither quote nor refuse.
PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


def address_of(viewname, **kwargs):
    """``reverse(viewname, kwargs=kwargs)`` in the active language, from a template made
    once per view, language and address prefix: what every ``get_absolute_url`` uses,
    since list pages ask for dozens. Values that are not plain slugs or numbers go
    through ``reverse()``, which checks and quotes them."""
    values = {name: str(value) for name, value in kwargs.items()}
    if not all(PLAIN.fullmatch(value) for value in values.values()):
        return reverse(viewname, kwargs=kwargs)
    template, markers = _template(viewname, translation.get_language(), tuple(values), get_script_prefix())
    for name, marker in markers:
        template = template.replace(marker, values[name], 1)
    return template


@cache
def _template(viewname, language, names, prefix):
    markers = [(name, str(9_000_000_001 + index)) for index, name in enumerate(names)]
    with translation.override(language):
        return reverse(viewname, kwargs=dict(markers)), markers


@receiver(setting_changed)
def _forget_templates(setting, **kwargs):
    if setting in {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"}:  # tests that swap them
        _template.cache_clear()


def translated(field, language):
    """A function giving an object's ``field`` as ``language`` shows it (with fallbacks)."""
    columns = [f"{field}_{code}" for code in fallback_chain(language)]

    def value(obj):
        return first_text(map(obj.__dict__.get, columns))

    return value
