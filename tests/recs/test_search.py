import itertools

import pytest
from django.db import connection

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
def test_the_press_search_reads_its_gin_index_not_every_clipping(language):
    from pressreview.models import Article
    from recs.site.search import full_text_matches, sources

    [press] = [source for source in sources() if source.queryset.model is Article]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # so that a usable index must be used
    plan = full_text_matches(press, "piano strategico", language).explain()
    assert f"pressreview_article_search_{language}" in plan
    assert "Seq Scan on pressreview_article" not in plan
