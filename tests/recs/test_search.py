import datetime
import itertools

import pytest
from django.db import connection

from pressreview.models import Article
from tests.factories import ArticleFactory, CityFactory, EventFactory
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def titles(response):
    return [str(result.obj) for result in response.context["results"]]


def test_finds_cities_pages_events_and_articles(client, seeded):
    ArticleFactory(headline_it="Firenze guida la rete", headline_en="Florence leads the network")
    found = titles(client.get("/it/cerca/", {"q": "Firenze"}))
    assert "Firenze" in found and "Firenze guida la rete" in found
    assert "Chi siamo" not in found
    assert "Storia" in found  # the history page names Firenze among the promoters
    english = titles(client.get("/en/search/", {"q": "Florence"}))
    assert "Florence" in english and "Florence leads the network" in english


def test_searches_in_the_visitors_language_with_italian_fallback(client, seeded):
    assert "First national assembly of the Network" in titles(client.get("/en/search/", {"q": "assembly"}))
    assert "Prima Assemblea nazionale della Rete" in titles(client.get("/it/cerca/", {"q": "assemblea"}))
    CityFactory(name_it="Ostuni", name_en="", description_it="Città bianca")
    assert "Ostuni" in titles(client.get("/en/search/", {"q": "Ostuni"}))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL's full-text search")
def test_postgres_stems_and_ranks(client, seeded):
    # "assemblee" (plural) finds "Assemblea"; "cities" finds "city".
    assert "Prima Assemblea nazionale della Rete" in titles(client.get("/it/cerca/", {"q": "assemblee"}))
    ranked = titles(client.get("/en/search/", {"q": "strategic cities"}))
    # Words in the title weigh more than words in the text only.
    assert ranked[0] == "Founding of the Strategic Cities Network"
    assert ranked.index("Founding of the Strategic Cities Network") < ranked.index("Aims")


def test_unpublished_content_is_not_found(client):
    EventFactory(title_it="Riunione segreta", is_published=False)
    ArticleFactory(headline_it="Articolo segreto", is_published=False)
    assert titles(client.get("/it/cerca/", {"q": "segret"})) == []


@pytest.mark.parametrize(
    "q",
    ["", "   ", "x" * 1000, "'; DROP TABLE cities_city; --", "a & | ! ( ) :*", '"unterminated', "\x00null"],
)
def test_odd_queries_give_a_clear_answer(client, seeded, q):
    response = client.get("/en/search/", {"q": q})
    assert response.status_code == 200
    assert response.text.count("<h1") == 1


def test_search_costs_a_fixed_number_of_queries(client):
    numbers = itertools.count()

    def grow(count):
        for _ in range(count):
            i = next(numbers)
            CityFactory(name_it=f"Rete {i}")
            EventFactory(title_it=f"Rete evento {i}")
            ArticleFactory(headline_it=f"Rete articolo {i}")

    grow(3)
    assert_fixed_query_count(client, ["/it/cerca/?q=Rete", "/en/search/?q=Rete"], grow=lambda: grow(30))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL")
@pytest.mark.parametrize("language", ["it", "en"])
@pytest.mark.parametrize("table", ["pressreview_article", "events_event", "cities_city"])
def test_the_search_reads_gin_indexes_not_every_row(language, table):
    from recs.site.search import full_text_matches, sources

    [source] = [source for source in sources() if source.queryset.model._meta.db_table == table]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # so that a usable index must be used
    plan = full_text_matches(source, "piano strategico", language).explain()
    assert f"{table}_search_{language}" in plan
    assert f"Seq Scan on {table}" not in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL")
def test_the_clippings_documents_are_stored_and_follow_every_edit(client):
    """The clippings' documents are stored (generated columns): the search reads them
    rather than computing each match's, and an edited clipping is found by its new words
    at once, in both languages."""
    from recs.site.search import full_text_matches, sources

    article = ArticleFactory(headline_it="Il waterfront della Spezia", headline_en="")
    found = client.get("/it/cerca/", {"q": "waterfront"}).context["results"]
    assert [result.obj for result in found] == [article]
    article.headline_it = "Il lungomare della Spezia"
    article.headline_en = "The seafront of La Spezia"
    article.save()
    assert not client.get("/it/cerca/", {"q": "waterfront"}).context["results"]
    assert [r.obj for r in client.get("/it/cerca/", {"q": "lungomare"}).context["results"]] == [article]
    assert [r.obj for r in client.get("/en/search/", {"q": "seafront"}).context["results"]] == [article]
    [source] = [source for source in sources() if source.queryset.model is Article]
    plan = full_text_matches(source, "lungomare", "it").explain()
    assert "to_tsvector" not in plan and "search_it" in plan


def test_results_carry_a_snippet_with_the_words_found_marked(client, seeded):
    from events.models import Event

    Event.objects.filter(slug_it="prima-assemblea-nazionale-della-rete").update(
        description_it="<b>Ordine del giorno</b>: la prima assemblea nazionale della Rete a La Spezia."
    )
    response = client.get("/it/cerca/", {"q": "assemblea"})
    snippets = [str(result.snippet) for result in response.context["results"] if result.kind == "Agenda"]
    assert any("<mark>assemblea</mark>" in s.lower() for s in snippets), snippets
    # The text is escaped; only the marks are HTML.
    assert all("<b>" not in s for s in snippets)
    assert "<b>Ordine" not in response.text


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the compiled statements are PostgreSQL's")
def test_each_search_puts_its_own_words_and_moment_in_the_compiled_statement(client):
    """The statements are compiled once with stand-ins; every search gets its own words,
    and what is published at its own moment."""
    from django.utils import timezone

    ArticleFactory(headline_it="Waterfront della Spezia")
    later = ArticleFactory(
        headline_it="Waterfront di Genova", publish_at=timezone.now() + datetime.timedelta(hours=1)
    )
    first = client.get("/it/cerca/", {"q": "waterfront"}).text
    assert "Spezia" in first and "Genova" not in first
    assert "Spezia" not in client.get("/it/cerca/", {"q": "periferie"}).text
    Article.objects.filter(pk=later.pk).update(publish_at=timezone.now() - datetime.timedelta(seconds=1))
    assert "Genova" in client.get("/it/cerca/", {"q": "waterfront"}).text
