"""Site search across cities, events, articles and pages, in the visitor's language.

On PostgreSQL: full-text search with the language's stemming (``italian`` or
``english`` configuration), ranked, with English fields falling back to the
Italian text where no translation exists. Elsewhere (SQLite): a plain
case-insensitive match on the same fields. Either way one query per kind of
content, whatever the number of rows, and each result with a snippet of its text
where the words found are marked.

Ranking reads every match's text, so it is done among the newest ``CANDIDATES``
matches of each kind: a common word in a million clippings costs what it costs in
a thousand (PostgreSQL walks the clippings newest first for a common word, and
reads the GIN index for a rare one).
"""

import datetime
from dataclasses import dataclass
from functools import cache

from django.core.signals import setting_changed
from django.db import connection
from django.db.models import Case, TextField, Value, When
from django.db.models.functions import Concat, Left
from django.dispatch import receiver
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cities.models import City
from events.models import Event
from pressreview.models import Article
from recs.common import fulltext
from recs.common.languages import localized, text_contains
from recs.common.rich_text import as_plain_text
from recs.pages.models import Page
from recs.publications.models import Publication

RESULTS_PER_KIND = 20
CANDIDATES = 200
SNIPPET_SOURCE = 20_000
# Marks around the words found, put in by the database and turned into <mark> once the
# text is escaped (control characters: no text of the site contains them).
START, STOP = "\x02", "\x03"


@dataclass
class Source:
    label: str
    queryset: object
    title: str
    fields: tuple  # title first; weighted A, the others B
    newest_first: tuple = ("-pk",)
    plain: tuple = ()  # untranslated text, such as a PDF's (weighted C)
    #: The columns its documents are stored in, if they are (``fulltext.stored``).
    stored_as: str = ""

    def text(self, obj):
        """The object's text after its title, as shown (where a snippet comes from)."""
        return " ".join(as_plain_text(getattr(obj, field)) for field in (*self.fields[1:], *self.plain))


def sources(now=None):
    """What the search looks through, kind by kind, as the public sees it at ``now``."""
    return [
        Source(_("Cities"), City.objects.all(), "name", ("name", "description")),
        Source(_("Pages"), Page.objects.published(now), "title", ("title", "summary", "body")),
        Source(
            _("Agenda"),
            Event.objects.published(now),
            "title",
            ("title", "venue", "description"),
            ("-start_date", "-pk"),
        ),
        Source(
            _("Press review"),
            Article.objects.published(now),
            "headline",
            ("headline", "summary"),
            ("-published_on", "-pk"),
            stored_as="search_{language}",  # pressreview's migration 0009
        ),
        Source(
            _("Publications"),
            Publication.objects.published(now).defer("text"),
            "title",
            ("title", "summary"),
            ("-year", "-pk"),
            plain=("text",),
        ),
    ]


@dataclass
class Result:
    kind: str
    obj: object
    rank: float
    snippet: str = ""


def marked(text):
    """The database's snippet as HTML: the text escaped, the words found in <mark>."""
    text = as_plain_text(text)  # rich text's markup would show as text
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def plain_snippet(text, query, width=80):
    """Where ``query`` first appears in ``text``, with some words around it (SQLite)."""
    text = " ".join((text or "").split())
    found = text.casefold().find(query.casefold())
    if found < 0:
        return marked(text[: 2 * width] + ("…" if len(text) > 2 * width else ""))
    start, end = max(0, found - width), min(len(text), found + len(query) + width)
    piece = (
        text[start:found] + START + text[found : found + len(query)] + STOP + text[found + len(query) : end]
    )
    return marked(("…" if start else "") + piece + ("…" if end < len(text) else ""))


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
    """The source's objects matching ``query``: the newest ``CANDIDATES`` of them, best
    first, each with its ``snippet`` (PostgreSQL).

    The document is the title (weight A) and the other fields (B) as the visitor's
    language shows them, indexed (GIN) so that the search reads the index: the events'
    and cities' migrations index exactly this expression, the press clippings' store it
    (pressreview's migration 0009): change both together.
    """
    from django.contrib.postgres.search import SearchHeadline, SearchRank

    search_query = fulltext.query(query, language)
    if source.stored_as:
        vector = fulltext.stored(source.stored_as.format(language=language))
    else:
        vector = fulltext.document(source.fields, language, source.plain)
    # The columns are named per language already: modeltranslation has nothing to rewrite
    # (its walk over these expressions cost more than compiling them).
    queryset = source.queryset.rewrite(False)
    candidates = (
        queryset.annotate(search_document=vector)
        .filter(search_document=search_query)
        .order_by(*source.newest_first)
        .values("pk")[:CANDIDATES]
    )
    # A document's text is long: its snippet comes from its beginning.
    text = [localized(field, language) for field in source.fields[1:]]
    text += [Left(field, SNIPPET_SOURCE) for field in source.plain]
    spaced = [part for column in text for part in (column, Value(" "))][:-1]
    snippet = SearchHeadline(
        Concat(*spaced, output_field=TextField()) if len(text) > 1 else text[0],
        search_query,
        config=fulltext.config(language),
        start_sel=START,
        stop_sel=STOP,
        max_words=30,
        min_words=12,
        max_fragments=2,
        fragment_delimiter=" … ",
    )
    return (
        queryset.filter(pk__in=candidates)
        .annotate(rank=SearchRank(vector, search_query), snippet=snippet)
        .order_by("-rank", *source.newest_first)
    )


# Stand-ins for the words searched and the moment, in the statements compiled once.
ANY_WORDS = "\ue000"  # a private-use character: no one types it
ANY_MOMENT = datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC)


@cache
def statement(index, language):
    """The SQL and parameters of ``full_text_matches`` for the ``index``-th source in
    ``language``, compiled once per process with stand-ins for the words and the moment.

    The ORM took 2 ms to build and compile each source's query, as long as PostgreSQL
    took to run most of them; the statement does not change from one search to the next,
    only its values do (``_full_text`` puts them in)."""
    source = sources(now=ANY_MOMENT)[index]
    return full_text_matches(source, ANY_WORDS, language)[:RESULTS_PER_KIND].query.sql_with_params()


@receiver(setting_changed)
def _forget_statements(setting, **kwargs):
    if setting in {"LANGUAGES", "LANGUAGE_TEXT_SEARCH", "MODELTRANSLATION_FALLBACK_LANGUAGES"}:
        statement.cache_clear()


def _full_text(query, language):
    now = timezone.now()
    results = []
    for index, source in enumerate(sources()):
        sql, params = statement(index, language)
        values = [query if value == ANY_WORDS else now if value == ANY_MOMENT else value for value in params]
        matches = source.queryset.model._base_manager.raw(sql, values)
        results += [Result(source.label, obj, obj.rank, marked(obj.snippet)) for obj in matches]
    return results


def _simple(query, language):
    results = []
    for source in sources():
        found = (
            # defer(None): the snippet reads the whole text (a document's is deferred elsewhere).
            source.queryset.defer(None)
            .filter(text_contains(query, translated=source.fields, plain=source.plain))
            # A match in the title ranks above a match in the text only.
            .annotate(
                rank=Case(
                    When(text_contains(query, translated=[source.title]), then=Value(1.0)), default=Value(0.5)
                )
            )
            .order_by("-rank", *source.newest_first)[:RESULTS_PER_KIND]
        )
        results += [
            Result(source.label, obj, obj.rank, plain_snippet(source.text(obj), query)) for obj in found
        ]
    return results
