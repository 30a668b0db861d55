import datetime

import pytest

from cities.models import Status
from tests.factories import (
    ArticleFactory,
    CityFactory,
    EventFactory,
    PeerCityFactory,
    StatusChangeFactory,
    StrategicPlanFactory,
    WorkingGroupFactory,
)
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def names(response):
    return [city.name for city in response.context["cities"]]


def test_directory_counts_and_filters(client, seeded):
    response = client.get("/en/cities/")
    assert len(names(response)) == 20
    assert "Promoter: 10" in response.text
    assert "Member: 6" in response.text
    assert "Adhesion in progress: 4" in response.text
    assert names(client.get("/en/cities/", {"status": "applicant"})) == [
        "Catania",
        "Cesena",
        "Cuneo",
        "Spoleto",
    ]
    assert names(client.get("/it/citta/", {"region": "umbria"})) == ["Perugia", "Spoleto"]
    assert names(client.get("/en/cities/", {"q": "venice"})) == ["Venice"]
    assert names(client.get("/en/cities/", {"q": "venezia"})) == ["Venice"]  # both languages are searched


@pytest.mark.parametrize(
    "query", [{"status": "mayor"}, {"region": "atlantide"}, {"q": "x" * 500}, {"q": "%' OR 1=1 --"}]
)
def test_bad_filters_give_a_clear_empty_result(client, seeded, query):
    response = client.get("/en/cities/", query)
    assert response.status_code == 200
    assert names(response) == []
    assert "No city matches these filters." in response.text


def test_peer_cities_by_country(client, seeded):
    response = client.get("/en/cities/europe/")
    countries = dict(response.context["countries"])
    assert [name for name, _address in countries["United Kingdom"]] == [
        "Birmingham",
        "Edinburgh",
        "Glasgow",
        "Manchester",
    ]
    assert "Munich" in response.text
    italian = client.get("/it/citta/europa/")
    assert "Regno Unito" in italian.text and "Monaco di Baviera" in italian.text


def test_city_page_shows_status_history_and_related_content(client, seeded):
    response = client.get("/en/cities/perugia/")
    assert "Current status:</strong> Promoter" in response.text
    assert "To be reviewed" in response.text  # the conflicting mention, kept as a note
    assert "July 29, 2004" in response.text or "29 July 2004" in response.text
    italian = client.get("/it/citta/perugia/")
    assert "Promotrice" in italian.text and "Da verificare" in italian.text


def test_city_page_lists_plans_groups_events_and_press(client):
    city = CityFactory(name_it="Pesaro", name_en="Pesaro")
    StatusChangeFactory(city=city, status=Status.MEMBER)
    StrategicPlanFactory(city=city, title_it="Pesaro 2015", title_en="Pesaro 2015")
    WorkingGroupFactory(name_it="Mobilità", name_en="Mobility").member_cities.add(city)
    EventFactory(title_it="Seminario", title_en="Seminar", host_city=city)
    ArticleFactory(headline_it="Pesaro strategica", headline_en="Strategic Pesaro").cities.add(city)
    html = client.get("/en/cities/pesaro/").text
    for text in ["Pesaro 2015", "Mobility", "Seminar", "Strategic Pesaro"]:
        assert html.count(text) >= 1, text


def make_cities(count):
    for _ in range(count):
        city = CityFactory()
        StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2005, 1, 1))
        StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2006, 1, 1))
        PeerCityFactory()


def test_list_pages_cost_a_fixed_number_of_queries(client):
    make_cities(5)
    urls = ["/en/cities/", "/it/citta/?on=2005-06-01", "/it/citta/europa/", "/en/", "/it/associazione/"]
    assert_fixed_query_count(client, urls, grow=lambda: make_cities(60))


def test_city_page_costs_a_fixed_number_of_queries(client):
    city = CityFactory(name_it="Pesaro", name_en="Pesaro")

    def grow(count):
        for i in range(count):
            StatusChangeFactory(
                city=city,
                status=[Status.APPLICANT, Status.MEMBER][i % 2],
                effective_date=datetime.date(2004 + i, 1, 1),
            )
            StrategicPlanFactory(city=city)
            WorkingGroupFactory().member_cities.add(city)
            EventFactory(host_city=city)
            ArticleFactory().cities.add(city)

    grow(2)
    assert_fixed_query_count(client, ["/en/cities/pesaro/"], grow=lambda: grow(20))


def test_directory_in_pages_of_fifty_that_keep_the_filters(client):
    for n in range(120):
        city = CityFactory(name_it=f"Comune {n:03d}", name_en=f"Town {n:03d}", region="piemonte")
        StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2005, 1, 1))
    first = client.get("/en/cities/", {"region": "piemonte"})
    assert names(first) == [f"Town {n:03d}" for n in range(50)]
    assert "Member: 120" in first.text  # the counts are of all the cities, not of the page
    assert 'href="?region=piemonte&amp;page=2" rel="next"' in first.text
    assert 'aria-current="page"' in first.text
    third = client.get("/en/cities/", {"region": "piemonte", "page": 3})
    assert names(third) == [f"Town {n:03d}" for n in range(100, 120)]
    assert 'rel="next"' not in third.text
    assert client.get("/en/cities/", {"page": 9}).status_code == 404


def test_statuses_on_any_day_agree_with_the_directory(client):
    """The timeline read once (observatory, counts) and the per-city query (directory)
    apply the same rule, corrections and same-day entries included."""
    from cities.models import City, Timeline

    for n in range(6):
        city = CityFactory()
        StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2004, 1, 1 + n))
        if n % 2:
            StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2005, 3, 1))
        if n % 3 == 0:
            StatusChangeFactory(city=city, status=Status.WITHDRAWN, effective_date=datetime.date(2005, 3, 1))
    timeline = Timeline(City.objects.members())
    for day in [datetime.date(2003, 12, 31), datetime.date(2004, 1, 3), datetime.date(2005, 3, 1), None]:
        expected = dict(City.objects.members().with_status(on=day).values_list("pk", "current_status"))
        assert timeline.statuses_on(day) == {pk: status for pk, status in expected.items() if status}
        counts = timeline.counts_on([day])[day]
        assert counts == {status: list(expected.values()).count(status.value) for status in Status}
