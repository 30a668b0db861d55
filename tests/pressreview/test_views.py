import datetime
import re

import pytest

from pressreview.models import Article
from tests.factories import ArticleFactory, CityFactory, OutletFactory
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def headlines(response):
    return [article.headline for article in response.context["object_list"]]


@pytest.fixture
def press():
    stampa = OutletFactory(name="La Stampa", slug="la-stampa")
    sole = OutletFactory(name="Il Sole 24 Ore", slug="il-sole-24-ore")
    turin = CityFactory(name_it="Torino", name_en="Turin")
    first = ArticleFactory(
        headline_it="Torino strategica",
        headline_en="Strategic Turin",
        outlet=stampa,
        published_on=datetime.date(2004, 12, 4),
    )
    first.cities.add(turin)
    ArticleFactory(
        headline_it="La rete cresce",
        headline_en="The network grows",
        outlet=sole,
        published_on=datetime.date(2005, 2, 1),
    )
    ArticleFactory(headline_it="Bozza", outlet=sole, is_published=False)


def test_newest_first_and_filters(client, press):
    assert headlines(client.get("/en/press-review/")) == ["The network grows", "Strategic Turin"]
    assert headlines(client.get("/en/press-review/", {"outlet": "la-stampa"})) == ["Strategic Turin"]
    assert headlines(client.get("/en/press-review/", {"month": "2005-02"})) == ["The network grows"]
    assert headlines(client.get("/en/press-review/", {"city": "torino"})) == ["Strategic Turin"]
    assert headlines(client.get("/it/rassegna-stampa/", {"q": "strategic"})) == ["Torino strategica"]


def test_the_city_is_typed_by_name_in_either_language_or_given_by_address(client, press):
    for typed in ["torino", "Turin", "  tORINO ", "Torino"]:
        assert headlines(client.get("/en/press-review/", {"city": typed})) == ["Strategic Turin"], typed
    english = client.get("/en/press-review/", {"city": "torino"}).text
    assert 'name="city" id="id_city" value="Turin"' in english  # the box shows the name, in English
    italian = client.get("/it/rassegna-stampa/", {"city": "Turin"}).text
    assert 'name="city" id="id_city" value="Torino"' in italian
    assert (
        "<option" not in italian.split('id="id_city_names"')[1].split("</datalist>")[0]
    )  # filled as one types


def test_an_unknown_city_says_what_to_do(client, press):
    response = client.get("/en/press-review/", {"city": "Atlantide"})
    assert "No city is called “Atlantide”: choose one of the names suggested as you type." in response.text
    assert 'value="Atlantide"' in response.text  # what was typed is kept


def test_city_names_are_suggested_as_one_types(client):
    for name_it, name_en in [("Torino", "Turin"), ("Pinerolo", "Pinerolo"), ("Bitonto", "Bitonto")]:
        CityFactory(name_it=name_it, name_en=name_en)
    CityFactory(name_it="Monaco di Baviera", name_en="Munich", role="peer", country="DE")
    assert client.get("/it/citta/dati-aperti/city-names.json", {"q": "to"}).json() == {
        "names": ["Torino", "Bitonto"]  # those beginning with it first
    }
    assert client.get("/en/cities/open-data/city-names.json", {"q": "tur"}).json() == {"names": ["Turin"]}
    assert client.get("/en/cities/open-data/city-names.json", {"q": "baviera"}).json() == {
        "names": ["Munich"]
    }
    assert client.get("/en/cities/open-data/city-names.json", {"q": "t"}).json() == {"names": []}
    assert client.get("/en/cities/open-data/city-names.json").json() == {"names": []}
    assert client.get("/en/cities/open-data/city-names.json", {"q": "t\x00ur"}).json() == {"names": ["Turin"]}


@pytest.mark.parametrize(
    "query", [{"month": "2005-13"}, {"month": "ieri"}, {"outlet": "nessuna"}, {"city": "atlantide"}]
)
def test_bad_filters_say_so(client, press, query):
    response = client.get("/en/press-review/", query)
    assert response.status_code == 200
    assert headlines(response) == []
    assert "Some filters are not valid" in response.text


@pytest.mark.parametrize(
    "query", [{"before": "abc"}, {"after": "2005-13-01.3"}, {"before": "2005-01-01.x"}, {"after": "."}]
)
def test_bad_positions_are_404(client, press, query):
    assert client.get("/en/press-review/", query).status_code == 404


def test_numbered_pages_of_old_links_lead_to_the_newest(client, press):
    response = client.get("/en/press-review/", {"page": "3", "outlet": "la-stampa"})
    assert response.status_code == 301
    assert response["Location"] == "/en/press-review/?outlet=la-stampa"


def test_pages_by_position_newer_and_older(client):
    outlet = OutletFactory(name="Avvenire", slug="avvenire")
    day = datetime.date(2006, 1, 1)
    # 45 clippings, some on the same day (the key then orders them).
    made = [
        ArticleFactory(outlet=outlet, published_on=day - datetime.timedelta(days=n // 3)) for n in range(45)
    ]
    newest_first = sorted(made, key=lambda a: (a.published_on, a.pk), reverse=True)

    def page(query):
        response = client.get("/en/press-review/", query)
        assert response.status_code == 200
        return response, headlines(response)

    first, shown = page({})
    assert shown == [a.headline for a in newest_first[:20]]
    assert "Newer" not in first.text and "Newest" not in first.text
    older = re.search(r'href="\?before=([^"]+)"', first.text)[1]
    second, shown = page({"before": older})
    assert shown == [a.headline for a in newest_first[20:40]]
    assert "Newest" in second.text and "Oldest" in second.text
    third, shown = page({"before": re.search(r'href="\?before=([^"]+)"', second.text)[1]})
    assert shown == [a.headline for a in newest_first[40:]]
    assert "Older" not in third.text and "Oldest" not in third.text
    assert page({"oldest": "1"})[1] == [a.headline for a in newest_first[25:]]
    # Back from the second page: the first again.
    newer = re.search(r'href="\?after=([^"]+)"', second.text)[1]
    assert page({"after": newer})[1] == [a.headline for a in newest_first[:20]]
    # Filters stay in the links.
    filtered, _ = page({"outlet": "avvenire"})
    assert 'href="?outlet=avvenire&amp;before=' in filtered.text


def test_article_page(client, press):
    response = client.get("/en/press-review/2004/12/strategic-turin/")
    assert response.status_code == 200
    assert "La Stampa" in response.text and "Read the original article" in response.text
    moved = client.get("/en/press-review/2005/12/strategic-turin/")  # not its month
    assert moved.status_code == 301 and moved["Location"] == "/en/press-review/2004/12/strategic-turin/"


def test_press_review_costs_a_fixed_number_of_queries(client):
    def grow(count):
        for article in ArticleFactory.create_batch(count):
            article.cities.add(CityFactory())

    grow(21)  # two pages
    first = Article.objects.first()
    last = Article.objects.last()
    urls = [
        "/en/press-review/",
        f"/en/press-review/?before={first.published_on.isoformat()}.{first.pk}",
        f"/en/press-review/?after={last.published_on.isoformat()}.{last.pk}",
        "/en/press-review/?oldest=1",
        first.get_absolute_url(),
    ]
    assert_fixed_query_count(client, urls, grow=lambda: grow(40))


@pytest.mark.skipif(
    __import__("django.db").db.connection.vendor != "postgresql", reason="the plans of PostgreSQL"
)
@pytest.mark.parametrize(
    "query",
    [{}, {"before": "2005-01-01.10"}, {"after": "2005-01-01.10"}, {"oldest": "1"}, {"outlet": "la-stampa"}],
)
def test_the_press_review_reads_its_index_not_every_clipping(client, press, query):
    """Each page of the list, filtered or not, is an index range: no scan of the clippings."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/en/press-review/", query).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql in (q["sql"] for q in captured.captured_queries if 'FROM "pressreview_article"' in q["sql"]):
            cursor.execute(f"EXPLAIN {sql}")
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert plans
    for plan in plans:
        assert "Seq Scan on pressreview_article" not in plan, plan
        assert "article_newest_first" in plan or "article_outlet_newest_first" in plan, plan
