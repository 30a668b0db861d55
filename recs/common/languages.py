"""The site's languages, read from settings: LANGUAGES is the one list (Italian first),
and modeltranslation's fallback languages say what an empty translation shows."""

from django.conf import settings
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation


def codes():
    """Every language of the site, first language first."""
    return [code for code, _name in settings.LANGUAGES]


def first():
    """The language every text is written in first, and the fallback for the others."""
    return settings.LANGUAGE_CODE


def fallback_chain(language):
    """``language``, then the languages modeltranslation shows when its text is empty."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    if isinstance(fallbacks, dict):
        fallbacks = fallbacks.get(language, fallbacks.get("default", ()))
    return [language, *(code for code in fallbacks if code != language)]


def localized(field, language):
    """The field as modeltranslation shows it: in the visitor's language, or in the
    fallback language where that text is empty (done in SQL, so it can be searched and
    sorted)."""
    chain = [F(f"{field}_{code}") for code in fallback_chain(language)]
    if len(chain) == 1:
        return chain[0]
    return Coalesce(
        *(NullIf(column, Value("")) for column in chain[:-1]), chain[-1], output_field=TextField()
    )


def text_contains(query, translated=(), plain=()):
    """A filter matching ``query`` (case-insensitive) in every language's column of the
    ``translated`` fields, or in the ``plain`` (untranslated) fields: the one way the
    site's lists and its search look for a word."""
    condition = Q()
    for field in translated:
        for code in codes():
            condition |= Q(**{f"{field}_{code}__icontains": query})
    for field in plain:
        condition |= Q(**{f"{field}__icontains": query})
    return condition


def first_text(texts):
    """The first text that is not empty, along a fallback chain ("" when all are)."""
    return next((text for text in texts if text), "")


def translated_rows(queryset, plain=(), translated=()):
    """``queryset``'s rows as tuples: the ``plain`` fields, then each ``translated`` field
    as the visitor's language shows it (its text, or the fallback's where it is empty).
    No model instances and no per-row fallbacks by modeltranslation: for lists of thousands."""
    return list(translated_values(queryset, plain, translated))


def translated_values(queryset, plain=(), translated=()):
    """``translated_rows`` still to be read: a ``values_list`` queryset, to slice or count."""
    language = translation.get_language()
    chain = fallback_chain(language)
    if len(chain) == 1:  # the first language: its own text, nothing to fall back on
        return queryset.rewrite(False).values_list(*plain, *(f"{field}_{chain[0]}" for field in translated))
    # The fallbacks in SQL (``localized``): a third quicker than reading every language's
    # column and choosing in Python.
    shown = {
        f"shown_{field}": Coalesce(localized(field, language), Value(""), output_field=TextField())
        for field in translated
    }
    return queryset.rewrite(False).annotate(**shown).values_list(*plain, *shown)
