import csv
import datetime
import io
import re

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


def shown_counts(response):
    """The directory's counts as a visitor reads them: {status label: number}."""
    return {
        label: int(number)
        for label, number in re.findall(
            r'class="status-badge status-\w+">([^<]+)</span> (\d+)</a>', response.text
        )
    }


def test_directory_counts_and_filters(client, seeded):
    response = client.get("/en/cities/")
    assert len(names(response)) == 20
    assert shown_counts(response) == {"Promoter": 10, "Member": 6, "Adhesion in progress": 4, "Withdrawn": 0}
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
    WorkingGroupFactory(name_it="Turismo", name_en="Tourism", coordinating_city=city)
    html = client.get("/en/cities/pesaro/").text
    for text in ["Pesaro 2015", "Mobility", "Seminar", "Strategic Pesaro"]:
        assert html.count(text) >= 1, text
    coordinated, joined = html.split("Coordinated by the city")[1].split("Joined by the city")
    assert "Tourism" in coordinated and "Mobility" in joined
    assert "Every article that mentions" not in html  # all of them are listed


def test_city_page_lists_the_latest_press_and_events_and_links_to_the_rest(client):
    city = CityFactory(name_it="Pesaro", name_en="Pesaro", population=95_000)
    for day in range(1, 13):
        ArticleFactory(headline_en=f"Article {day}", published_on=datetime.date(2005, 1, day)).cities.add(
            city
        )
        EventFactory(title_en=f"Meeting {day}", start_date=datetime.date(2006, 1, day), host_city=city)
    html = client.get("/en/cities/pesaro/").text
    assert "95,000 inhabitants" in html
    assert [n for n in range(1, 13) if f"Article {n}<" in html] == list(range(3, 13))  # the latest 10
    assert [n for n in range(1, 13) if f"Meeting {n}<" in html] == list(range(3, 13))
    assert '<a href="/en/press-review/?city=pesaro">Every article that mentions Pesaro</a>' in html
    assert "The latest 10 are listed here." in html


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
    assert shown_counts(first)["Member"] == 120  # the counts are of all the cities, not of the page
    assert "120 cities" in first.text
    assert 'href="?region=piemonte&amp;page=2" rel="next"' in first.text
    assert 'aria-current="page"' in first.text
    third = client.get("/en/cities/", {"region": "piemonte", "page": 3})
    assert names(third) == [f"Town {n:03d}" for n in range(100, 120)]
    assert 'rel="next"' not in third.text
    assert client.get("/en/cities/", {"page": 9}).status_code == 404


def test_the_directory_on_a_past_day_lists_sorts_and_counts_that_days_statuses(client):
    """On a past day each city shows the status it had then (not today's), in every sort,
    with that day's counts, and only the cities that were in the network then."""

    def city(name, *steps):
        made = CityFactory(name_it=name, name_en=name, population=len(name) * 1000)
        for status, day in steps:
            StatusChangeFactory(city=made, status=status, effective_date=datetime.date.fromisoformat(day))

    city("Asti", (Status.APPLICANT, "2005-01-01"), (Status.MEMBER, "2006-01-01"))
    city("Bra", (Status.MEMBER, "2004-06-01"), (Status.WITHDRAWN, "2007-01-01"))
    city("Cuneo", (Status.APPLICANT, "2005-06-01"))
    city("Dronero", (Status.MEMBER, "2008-01-01"))  # not yet in the network
    city("Ivrea")  # never

    def table(**query):
        response = client.get("/en/cities/", {"on": "2005-12-31", **query})
        return [(row.name, row.current_status, str(row.status_since)) for row in response.context["cities"]]

    by_name = table()
    assert by_name == [
        ("Asti", "applicant", "2005-01-01"),
        ("Bra", "member", "2004-06-01"),
        ("Cuneo", "applicant", "2005-06-01"),
    ]
    for sort, expected in [
        ("-name", ["Cuneo", "Bra", "Asti"]),
        ("status", ["Bra", "Asti", "Cuneo"]),
        ("-status", ["Asti", "Cuneo", "Bra"]),
        ("since", ["Bra", "Asti", "Cuneo"]),
        ("-population", ["Dronero", "Cuneo", "Asti", "Bra"][1:]),
    ]:
        assert [name for name, _s, _d in table(sort=sort)] == expected, sort
        assert sorted(table(sort=sort)) == sorted(by_name), sort
    assert table(status="applicant") == [by_name[0], by_name[2]]
    response = client.get("/en/cities/", {"on": "2005-12-31", "status": "applicant"})
    assert shown_counts(response) == {"Promoter": 0, "Member": 1, "Adhesion in progress": 2, "Withdrawn": 0}
    assert "2 cities" in response.text


def test_statuses_on_any_day_agree_with_the_directory(client):
    """Each city's entry picked in the database (directory, counts), the per-city
    subquery (admin, open data) and the stored status (today) apply the same rule,
    corrections and same-day entries included."""
    from cities.models import City

    for n in range(6):
        city = CityFactory()
        StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2004, 1, 1 + n))
        if n % 2:
            StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2005, 3, 1))
        if n % 3 == 0:
            StatusChangeFactory(city=city, status=Status.WITHDRAWN, effective_date=datetime.date(2005, 3, 1))
    for day in [datetime.date(2003, 12, 31), datetime.date(2004, 1, 3), datetime.date(2005, 3, 1), None]:
        expected = dict(City.objects.members().with_status(on=day).values_list("pk", "current_status"))
        entries = City.objects.members().status_entries(on=day)
        assert {pk: status for pk, (status, _since) in entries.items()} == {
            pk: status for pk, status in expected.items() if status
        }
        counts = {status: list(expected.values()).count(status.value) for status in Status}
        assert City.objects.members().status_counts(on=day) == counts
        shown = client.get("/en/cities/", {"on": day.isoformat()} if day else {})
        assert {row.pk: row.current_status for row in shown.context["cities"]} == (
            expected if day is None else {pk: status for pk, status in expected.items() if status}
        )


def test_directory_sorts_by_each_column_and_says_so(client, seeded):
    by_name = client.get("/en/cities/")
    assert names(by_name)[:3] == ["Association of Municipalities of the Copparese", "Barletta", "Bolzano"]
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-name"' in by_name.text
    assert by_name.text.count("aria-sort=") == 1

    reverse = client.get("/en/cities/", {"sort": "-name"})
    assert names(reverse) == sorted(names(by_name), reverse=True)
    assert 'aria-sort="descending"' in reverse.text

    since = client.get("/en/cities/", {"sort": "since"})
    dates = [city.status_since for city in since.context["cities"]]
    assert dates == sorted(dates)
    assert 'aria-sort="ascending"><a href="?sort=-since"' in since.text

    # Sorting keeps the filters, and the filters keep the sort.
    umbria = client.get("/it/citta/", {"region": "umbria", "sort": "-name"})
    assert names(umbria) == ["Spoleto", "Perugia"]
    assert 'href="?region=umbria&amp;sort=population"' in umbria.text
    promoters = re.search(r'href="(\?[^"]*status=promoter[^"]*)"', umbria.text)[1]
    assert "region=umbria" in promoters and "sort=-name" in promoters

    assert (
        list(client.get("/en/cities/", {"sort": "altitude"}).context["cities"]) == []
    )  # an unknown sort says so
    assert "Some filters are not valid" in client.get("/en/cities/", {"sort": "altitude"}).text


def test_directory_as_csv_with_the_same_filters_and_order(client, seeded):
    page = client.get("/en/cities/", {"status": "applicant", "sort": "-name"})
    assert 'href="?status=applicant&amp;sort=-name&amp;format=csv" download' in page.text
    response = client.get("/en/cities/", {"status": "applicant", "sort": "-name", "format": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="recs-directory.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["City", "Region", "Status", "Since", "Population", "Address"]
    assert [row[0] for row in rows[1:]] == ["Spoleto", "Cuneo", "Cesena", "Catania"]
    assert rows[1][2] == "adhesion in progress" and rows[1][5] == "http://testserver/en/cities/spoleto/"


def test_peer_cities_searchable_by_name_and_country(client, seeded):
    everything = client.get("/en/cities/europe/")
    assert "20 cities" in everything.text
    assert '<option value="GB">United Kingdom</option>' in everything.text
    british = client.get("/en/cities/europe/", {"country": "GB"})
    assert [country for country, _cities in british.context["countries"]] == ["United Kingdom"]
    assert "4 cities" in british.text
    munich = client.get("/it/citta/europa/", {"q": "munich"})  # either language's name
    assert [name for _c, cities in munich.context["countries"] for name, _a in cities] == [
        "Monaco di Baviera"
    ]
    nothing = client.get("/en/cities/europe/", {"country": "ZZ"})
    assert "Some filters are not valid" in nothing.text and nothing.context["countries"] == []


def test_the_database_sorts_names_as_people_read_them(client):
    """The directory is sorted by the database (a page reads its 50 rows, not all): its
    order is the site's one rule (``recs.common.collation``) on SQLite and PostgreSQL,
    whatever the letters' case and accents, with the English name where it is shown."""
    from recs.common.collation import folded

    written = [
        "Lamezia Terme",
        "La Spezia",
        "L'Aquila",
        "lecce",
        "Èboli",
        "Eboli Vecchia",
        "Zagarolo",
        "Ancona",
    ]
    for index, name in enumerate(written):
        StatusChangeFactory(city=CityFactory(name_it=name, name_en="", population=1000 * (index % 3) or None))
    expected = sorted(written, key=folded)
    assert names(client.get("/it/citta/")) == expected == [
        "Ancona", "Eboli Vecchia", "L'Aquila", "La Spezia", "Lamezia Terme", "lecce", "Zagarolo", "Èboli",
    ]  # fmt: skip
    assert names(client.get("/en/cities/", {"sort": "-name"})) == expected[::-1]
    # Ties of another column stay in name order; empty values come last either way.
    by_population = names(client.get("/it/citta/", {"sort": "-population"}))
    assert by_population == ["Eboli Vecchia", "L'Aquila", "Ancona", "La Spezia", "Èboli", "Lamezia Terme", "lecce", "Zagarolo"]  # fmt: skip
    # A page at a time, in the same order.
    for number in range(60):
        StatusChangeFactory(city=CityFactory(name_it=f"Borgo {number:02}", name_en=""))
    first, second = (names(client.get("/it/citta/", {"page": page})) for page in (1, 2))
    assert (len(first), len(second)) == (50, 18)
    assert first + second == sorted(first + second, key=folded)
