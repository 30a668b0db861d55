import datetime

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


@pytest.mark.parametrize(
    "query", [{"month": "2005-13"}, {"month": "ieri"}, {"outlet": "nessuna"}, {"city": "atlantide"}]
)
def test_bad_filters_say_so(client, press, query):
    response = client.get("/en/press-review/", query)
    assert response.status_code == 200
    assert headlines(response) == []
    assert "Some filters are not valid" in response.text


@pytest.mark.parametrize("page", ["abc", "0", "99", "-1"])
def test_bad_page_numbers_are_404(client, press, page):
    assert client.get("/en/press-review/", {"page": page}).status_code == 404


def test_article_page(client, press):
    response = client.get("/en/press-review/2004/12/strategic-turin/")
    assert response.status_code == 200
    assert "La Stampa" in response.text and "Read the original article" in response.text
    assert client.get("/en/press-review/2005/12/strategic-turin/").status_code == 404


def test_press_review_costs_a_fixed_number_of_queries(client):
    def grow(count):
        for article in ArticleFactory.create_batch(count):
            article.cities.add(CityFactory())

    grow(21)  # two pages
    first = Article.objects.first()
    urls = ["/en/press-review/", "/en/press-review/?page=2", first.get_absolute_url()]
    assert_fixed_query_count(client, urls, grow=lambda: grow(40))
