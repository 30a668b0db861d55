"""Site search across cities, events, articles and pages, in the visitor's language.

On PostgreSQL: full-text search with the language's stemming (``italian`` or
``english`` configuration), ranked, with English fields falling back to the
Italian text where no translation exists. Elsewhere (SQLite): a plain
case-insensitive match on the same fields. Either way one query per kind of
content, whatever the number of rows.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Case, F, TextField, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from cities.models import City
from events.models import Event
from pressreview.models import Article
from recs.common.languages import fallback_chain, text_contains
from recs.pages.models import Page

RESULTS_PER_KIND = 20


@dataclass
class Source:
    label: str
    queryset: object
    title: str
    fields: tuple  # title first; weighted A, the others B


def sources():
    return [
        Source(_("Cities"), City.objects.all(), "name", ("name", "description")),
        Source(_("Pages"), Page.objects.published(), "title", ("title", "summary", "body")),
        Source(_("Agenda"), Event.objects.published(), "title", ("title", "venue", "description")),
        Source(
            _("Press review"),
            Article.objects.published().select_related("outlet"),
            "headline",
            ("headline", "summary"),
        ),
    ]


@dataclass
class Result:
    kind: str
    obj: object
    rank: float


def localized(field, language):
    """The field as modeltranslation shows it: in the visitor's language, or in the
    fallback language where that text is empty (done in SQL, so it can be searched)."""
    chain = [F(f"{field}_{code}") for code in fallback_chain(language)]
    if len(chain) == 1:
        return chain[0]
    return Coalesce(
        *(NullIf(column, Value("")) for column in chain[:-1]), chain[-1], output_field=TextField()
    )


def search(query, language):
    query = query.strip()
    if not query:
        return []
    if connection.vendor == "postgresql":
        results = _full_text(query, language)
    else:
        results = _simple(query, language)
    return sorted(results, key=lambda result: -result.rank)


def full_text_matches(source, query, language):
    """The source's objects matching ``query``, best first (PostgreSQL).

    The document is the title (weight A) and the other fields (B) as the visitor's
    language shows them. pressreview's migration 0003 indexes exactly this expression for
    the press clippings (GIN), so that the search reads the index: change both together.
    """
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    config = settings.LANGUAGE_TEXT_SEARCH.get(language, "simple")
    search_query = SearchQuery(query, config=config, search_type="websearch")
    vector = SearchVector(localized(source.fields[0], language), weight="A", config=config)
    for field in source.fields[1:]:
        vector += SearchVector(localized(field, language), weight="B", config=config)
    return (
        source.queryset.annotate(document=vector, rank=SearchRank(vector, search_query))
        .filter(document=search_query)
        .order_by("-rank")
    )


def _full_text(query, language):
    results = []
    for source in sources():
        matches = full_text_matches(source, query, language)[:RESULTS_PER_KIND]
        results += [Result(source.label, obj, obj.rank) for obj in matches]
    return results


def _simple(query, language):
    results = []
    for source in sources():
        found = (
            source.queryset.filter(text_contains(query, translated=source.fields))
            # A match in the title ranks above a match in the text only.
            .annotate(
                rank=Case(
                    When(text_contains(query, translated=[source.title]), then=Value(1.0)), default=Value(0.5)
                )
            )
            .order_by("-rank")[:RESULTS_PER_KIND]
        )
        results += [Result(source.label, obj, obj.rank) for obj in found]
    return results
