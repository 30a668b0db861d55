import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest
from django.db import connection

from cities.models import City, Status, StatusChange
from cities.observatory import ITALY, growth_by_year, map_cities, member_map
from tests.cities.test_views import shown_counts
from tests.factories import CityFactory, PeerCityFactory, StatusChangeFactory
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def history(city, *steps):
    for status, day in steps:
        StatusChangeFactory(city=city, status=status, effective_date=day)


@pytest.fixture
def network():
    a, b, c, d = (CityFactory(name_it=name, name_en=name) for name in ["Alba", "Bra", "Cuneo", "Dronero"])
    history(a, (Status.PROMOTER, datetime.date(2004, 7, 29)))
    history(b, (Status.APPLICANT, datetime.date(2004, 3, 1)), (Status.MEMBER, datetime.date(2005, 6, 1)))
    history(
        c,
        (Status.APPLICANT, datetime.date(2005, 1, 1)),
        (Status.WITHDRAWN, datetime.date(2006, 2, 1)),
        (Status.APPLICANT, datetime.date(2007, 1, 1)),
    )
    history(d, (Status.MEMBER, datetime.date(2006, 12, 31)), (Status.WITHDRAWN, datetime.date(2007, 12, 31)))
    return a, b, c, d


def test_growth_figures_follow_the_history(network):
    growth = growth_by_year(today=datetime.date(2008, 3, 1))
    assert [(f.year, f.members, f.applicants) for f in growth.figures] == [
        (2004, 1, 1),  # Alba promoter, Bra applicant
        (2005, 2, 1),  # Bra member, Cuneo applicant
        (2006, 3, 0),  # Cuneo withdrew; Dronero member on 31 December
        (2007, 2, 1),  # Dronero withdrew on 31 December, Cuneo applies again
    ]
    # 2008 had no change yet: it is not drawn as if it had been measured.
    assert growth.unchanged_since == datetime.date(2007, 12, 31)


def test_growth_counts_this_year_as_of_today(network):
    dronero = City.objects.get(name_it="Dronero")
    history(dronero, (Status.APPLICANT, datetime.date(2008, 2, 1)))
    growth = growth_by_year(today=datetime.date(2008, 3, 1))
    assert (growth.figures[-1].year, growth.figures[-1].applicants) == (2008, 2)
    assert growth.unchanged_since is None


def test_growth_figures_match_the_as_of_directory(network):
    for figures in growth_by_year(today=datetime.date(2008, 3, 1)).figures:
        statuses = list(
            City.objects.with_status(on=datetime.date(figures.year, 12, 31)).values_list(
                "current_status", flat=True
            )
        )
        assert figures.members == sum(s in {"promoter", "member"} for s in statuses)
        assert figures.applicants == statuses.count("applicant")


def test_the_stored_growth_agrees_with_each_city_on_each_day():
    """The chart's figures are stored at each change (``NetworkYear``), counted by one
    aggregate query; on many histories (entries of the same day, corrections), each
    year's figures are those of each city's entry in force on 31 December."""
    import random

    from cities.models import NetworkYear

    rng = random.Random(7)
    statuses = list(Status)
    for _ in range(30):
        city = CityFactory()
        for _ in range(rng.randint(1, 4)):
            change = StatusChangeFactory(
                city=city,
                status=rng.choice(statuses),
                effective_date=datetime.date(
                    rng.randint(2004, 2009), rng.choice([1, 12]), rng.choice([1, 31])
                ),
            )
            if rng.random() < 0.2:  # recorded by mistake, corrected on the same day
                StatusChangeFactory(
                    city=city,
                    status=rng.choice(statuses),
                    effective_date=change.effective_date,
                    corrects=change,
                )
    growth = growth_by_year(today=datetime.date(2010, 6, 30))
    assert [f.year for f in growth.figures] == list(range(2004, 2010))
    assert growth.unchanged_since == max(
        StatusChange.objects.in_force().values_list("effective_date", flat=True)
    )
    for figures in growth.figures:
        counts = City.objects.members().status_counts(on=datetime.date(figures.year, 12, 31))
        assert figures.members == counts[Status.PROMOTER] + counts[Status.MEMBER], figures.year
        assert figures.applicants == counts[Status.APPLICANT], figures.year
    stored = list(NetworkYear.objects.values_list("year", "members", "applicants", "last_change"))
    NetworkYear.refresh()
    assert list(NetworkYear.objects.values_list("year", "members", "applicants", "last_change")) == stored


def test_observatory_page_draws_an_accessible_chart(client, network):
    response = client.get("/en/cities/observatory/")
    html = response.text
    assert response.status_code == 200
    assert 'role="img" aria-labelledby="growth-title growth-desc"' in html
    assert "2005: 2 members, 1 in adhesion." in html
    assert html.count('class="bar-members"') == html.count('class="bar-applicants"') > 0
    italian = client.get("/it/citta/osservatorio/").text
    assert "2005: 2 aderenti, 1 con adesione in corso." in italian
    assert not re.search(r'(x|y|width|height)="\d+,\d', italian)  # no decimal commas in SVG


def test_map_points_are_placed_from_coordinates_and_link_to_the_city(client):
    turin = CityFactory(
        name_it="Torino", name_en="Turin", latitude=Decimal("45.07"), longitude=Decimal("7.69")
    )
    bari = CityFactory(name_it="Bari", name_en="Bari", latitude=Decimal("41.12"), longitude=Decimal("16.87"))
    nowhere = CityFactory(name_it="Senzaluogo", name_en="Nowhere")
    for city in (turin, bari, nowhere):
        history(city, (Status.MEMBER, datetime.date(2005, 1, 1)))
    PeerCityFactory(name_it="Lione", name_en="Lyon", latitude=Decimal("45.76"), longitude=Decimal("4.84"))

    svg_map = member_map(map_cities(City.objects.members()))
    points = {point.city.name: (point.x, point.y) for point in svg_map.points}
    assert set(points) == {"Torino", "Bari"}
    assert points["Torino"][0] < points["Bari"][0]  # west of Bari
    assert points["Torino"][1] < points["Bari"][1]  # north of Bari
    x, y = svg_map.project(ITALY.north, ITALY.west)
    assert (round(x), round(y)) == (0, 0)
    assert [city.name for city in svg_map.without_coordinates] == ["Senzaluogo"]

    html = client.get("/en/cities/observatory/").text
    assert '<a href="/en/cities/turin/" class="map-point" transform="translate(' in html
    assert '<a href="/en/cities/lyon/" class="map-point" transform="translate(' in html
    assert "1 city is not on the map yet" in html and "Nowhere" in html


def test_network_on_a_past_date(client, network):
    response = client.get("/en/cities/", {"on": "2005-12-31"})
    rows = {city.name: city.current_status for city in response.context["cities"]}
    assert rows == {"Alba": "promoter", "Bra": "member", "Cuneo": "applicant"}
    assert "The network on 31 December 2005" in response.text
    counts = shown_counts(response)
    assert counts["Member"] == 1 and counts["Promoter"] == 1
    before = client.get("/en/cities/", {"on": "2003-01-01"})
    assert list(before.context["cities"]) == []
    assert (
        client.get("/it/citta/", {"on": "2006-03-01", "status": "withdrawn"}).context["cities"][0].name
        == "Cuneo"
    )


@pytest.mark.parametrize("on", ["2999-01-01", "2005-02-30", "ieri", "99999-01-01"])
def test_bad_dates_say_what_to_fix(client, network, on):
    response = client.get("/en/cities/", {"on": on})
    assert response.status_code == 200
    assert list(response.context["cities"]) == []
    assert "Some filters are not valid" in response.text
    assert "On the date:" in response.text


def read_csv(response):
    assert response["content-type"] == "text/csv; charset=utf-8"
    assert response.streaming  # however many rows, the memory it takes stays the same
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheets then read UTF-8
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_cities_csv_matches_the_database(client, seeded):
    rows = read_csv(client.get("/en/cities/open-data/recs-cities.csv"))
    database = {city.slug_it: city for city in City.objects.with_status()}
    assert len(rows) == len(database)
    for row in rows:
        city = database[row["slug"]]
        assert (row["name_it"], row["name_en"], row["role"], row["region"]) == (
            city.name_it,
            city.name_en,
            city.role,
            city.region,
        )
        assert row["current_status"] == (city.current_status or "")
        assert row["status_since"] == (city.status_since.isoformat() if city.status_since else "")
    turin = next(row for row in rows if row["slug"] == "torino")
    assert turin["url_en"] == "http://testserver/en/cities/turin/"
    assert turin["name_en"] == "Turin"


def test_history_csv_matches_the_database_and_is_safe(client, seeded):
    cesena = City.objects.get(slug_it="cesena")
    StatusChange(
        city=cesena,
        previous_status="applicant",
        status="member",
        effective_date=datetime.date(2007, 1, 1),
        reference_it='=HYPERLINK("http://evil.example")',
        note_it="Città ammessa",
    ).save()
    rows = read_csv(client.get("/it/citta/dati-aperti/recs-status-history.csv"))
    assert len(rows) == StatusChange.objects.in_force().count()
    by_id = {int(row["id"]): row for row in rows}
    for change in StatusChange.objects.all():
        row = by_id[change.pk]
        assert (row["city"], row["status"], row["previous_status"], row["effective_date"]) == (
            change.city.slug_it,
            change.status,
            change.previous_status,
            change.effective_date.isoformat(),
        )
    injected = next(row for row in rows if row["city"] == "cesena" and row["status"] == "member")
    assert injected["reference_it"] == '\'=HYPERLINK("http://evil.example")'
    assert injected["note_it"] == "Città ammessa"


def test_json_has_every_city_with_its_full_history(client, seeded):
    response = client.get("/en/cities/open-data/recs-cities.json")
    assert response.streaming
    document = json.loads(b"".join(response.streaming_content))
    assert document["licence"] == "CC BY 4.0" and document["updated"]
    cities = {city["slug"]: city for city in document["cities"]}
    assert len(cities) == City.objects.count()
    perugia = cities["perugia"]
    assert perugia["current_status"] == "promoter"
    assert [(h["status"], h["effective_date"]) for h in perugia["history"]] == [("promoter", "2004-07-29")]
    assert "To be reviewed" in perugia["history"][0]["note_en"]
    assert cities["monaco-di-baviera"]["history"] == []
    total = sum(len(city["history"]) for city in document["cities"])
    assert total == StatusChange.objects.count()


def test_open_data_page_documents_the_files(client, seeded):
    html = client.get("/en/cities/open-data/").text
    for text in [
        "recs-cities.csv",
        "recs-status-history.csv",
        "recs-cities.json",
        "CC BY 4.0",
        "previous_status",
        "Last updated",
    ]:
        assert text in html
    directory = client.get("/en/cities/").text
    assert 'href="/en/cities/open-data/"' in directory and 'href="/en/cities/observatory/"' in directory


def test_observatory_and_exports_cost_a_fixed_number_of_queries(client):
    def grow(count):
        for _ in range(count):
            city = CityFactory(latitude=Decimal("43.0"), longitude=Decimal("12.0"))
            history(
                city,
                (Status.APPLICANT, datetime.date(2005, 1, 1)),
                (Status.MEMBER, datetime.date(2006, 1, 1)),
            )
            PeerCityFactory()

    grow(3)
    urls = [
        "/en/cities/observatory/",
        "/en/cities/open-data/",
        "/en/cities/open-data/recs-cities.csv",
        "/en/cities/open-data/recs-status-history.csv",
        "/en/cities/open-data/recs-cities.json",
    ]
    assert_fixed_query_count(client, urls, grow=lambda: grow(40))


def test_a_crowded_map_draws_one_circle_a_region_or_country(client, monkeypatch):
    """Past ``MOST_POINTS`` cities, a map groups them: one circle a region (a country for
    the peers) where its cities are on average, with its number of cities, linked to
    their list; what the circle says is the list's count."""
    import cities.observatory

    monkeypatch.setattr(cities.observatory, "MOST_POINTS", 3)
    place = {"latitude": Decimal("45.0"), "longitude": Decimal("7.6")}
    for status in (Status.PROMOTER, Status.MEMBER, Status.APPLICANT):
        history(CityFactory(region="piemonte", **place), (status, datetime.date(2005, 1, 1)))
    history(CityFactory(region="puglia", latitude=Decimal("41.1"), longitude=Decimal("16.9")),
            (Status.WITHDRAWN, datetime.date(2005, 1, 1)))  # fmt: skip
    history(CityFactory(region="molise"), (Status.MEMBER, datetime.date(2005, 1, 1)))  # no coordinates
    CityFactory(region="puglia", **place)  # no status: on no map
    for country in ("FR", "FR", "DE", "ES"):
        PeerCityFactory(country=country, latitude=Decimal("48.0"), longitude=Decimal("2.0"))

    html = client.get("/en/cities/observatory/").text
    members = html.split('id="map-members"')[1].split("</section>")[0]
    assert members.count('class="map-point map-group"') == 2
    assert re.search(
        r'<a href="/en/cities/\?region=piemonte" class="map-point map-group" transform="translate\([\d.]+ [\d.]+\)">'
        r"<title>Piedmont: 3 cities \(promoter or member 2, adhesion in progress 1\)</title>"
        r'<circle r="[\d.]+" class="point-hit"/><circle r="24.0" class="point-group"/><text dy="4">3</text></a>',
        members,
    )
    assert "<title>Apulia: 1 city (withdrawn 1)</title>" in members
    assert "A region of the network, with the number of its cities" in members
    assert re.search(
        r'Not on the map yet \(their cities have no coordinates\):\s+<a href="/en/cities/\?region=molise">Molise</a> \(1\)\.',
        members,
    )
    piedmont = client.get("/en/cities/", {"region": "piemonte"})
    assert "3 cities" in piedmont.text

    peers = html.split('id="map-peers"')[1].split("</section>")[0]
    assert peers.count('class="map-point map-group"') == 3
    assert '<a href="/en/cities/europe/?country=FR" class="map-point map-group"' in peers
    assert "<title>France: 2 cities</title>" in peers
    assert "A country, with the number of its peer cities" in peers

    italian = client.get("/it/citta/osservatorio/").text
    assert "<title>Piemonte: 3 città (promotrice o aderente 2, adesione in corso 1)</title>" in italian


def test_map_labels_never_cover_each_other():
    from cities.observatory import MapCity

    crowded = [
        MapCity(
            f"Città {n}", f"/it/citta/c{n}/", Decimal("45.0") + Decimal(n) / 100, Decimal("9.0"), "member"
        )
        for n in range(30)
    ]
    crowded.append(MapCity("Bari", "/it/citta/bari/", Decimal("41.12"), Decimal("16.87"), "member"))
    svg_map = member_map(crowded)
    shown = svg_map.labelled()
    assert len(svg_map.points) == 31
    assert 30 in shown  # Bari, alone in the south
    assert 1 < len(shown) < 31  # the crowd in the north gets a few names, not thirty on top of each other
    boxes = []
    for index in shown:
        point = svg_map.points[index]
        boxes.append((point.x + 8, point.y - 8, point.x + 8 + 6.2 * len(point.city.name), point.y + 4))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    markup = str(svg_map.points_markup())
    assert markup.count("<circle") == 2 * 31  # each point's dot and its larger invisible target
    assert markup.count("<text") == len(shown)


@pytest.mark.parametrize(
    "slug, latitude, longitude",
    [
        ("monaco-di-baviera", 48.14, 11.58),  # Munich, not the Principality of Monaco
        ("l-aia", 52.08, 4.30),  # The Hague
        ("torino", 45.07, 7.69),
        ("catania", 37.49, 15.07),
        ("bolzano", 46.49, 11.34),
    ],
)
def test_every_seed_city_is_on_its_map_at_its_place(client, seeded, slug, latitude, longitude):
    city = City.objects.get(slug_it=slug)
    assert (round(float(city.latitude), 2), round(float(city.longitude), 2)) == (latitude, longitude)
    html = client.get("/it/citta/osservatorio/").text
    point = re.search(
        rf'<a href="/it/citta/{slug}/" class="map-point" transform="translate\(([\d.]+) ([\d.]+)\)"><title>',
        html,
    )
    assert point, slug
    # The whole network and every peer are on the maps; only the association is not a place.
    assert html.count('class="map-point"') == City.objects.exclude(kind=City.Kind.ASSOCIATION).count()
    assert "GeoNames" in html


def test_maps_draw_real_country_outlines_with_italy_set_apart_and_a_legend(client, seeded):
    from cities import outlines
    from cities.observatory import EUROPE, ITALY, outline_paths

    italy = [path for path, highlighted in outline_paths(ITALY, 480, outlines.ITALY) if highlighted]
    assert len(italy) >= 3  # the mainland, Sicily and Sardinia at least (Natural Earth 1:50m)
    assert max(len(path) for path in italy) > 2000  # a coastline, not a sketch of a few points
    europe = outline_paths(EUROPE, 480, "")
    assert len(europe) > 40 and not any(highlighted for _path, highlighted in europe)

    html = client.get("/en/cities/observatory/").text
    network, peers = html.split('id="map-peers"')
    # Each map draws the other countries, then Italy on top: one path each, of every ring.
    assert re.search(
        r'<path d="M[^"]+" class="map-country"/><path d="(M[^"]+)" class="map-country-highlighted"/>', network
    )
    drawn = re.search(r'<path d="(M[^"]+)" class="map-country-highlighted"/>', network).group(1)
    assert drawn == " ".join(italy)
    assert "map-country-highlighted" not in peers and peers.count('class="map-country"') == 1
    assert 'aria-label="Legend"' in network and "Promoter or member" in network
    assert "European peer city" in peers
    assert "Country outlines: Natural Earth" in html
    italian = client.get("/it/citta/osservatorio/").text
    assert "Promotrice o aderente" in italian and "Confini degli stati: Natural Earth" in italian


def test_the_outlines_are_optional(client, seeded, monkeypatch, tmp_path, caplog):
    """Without the world-atlas package (npm ci not run) the maps still show their points."""
    from cities import outlines
    from cities.observatory import outline_paths, outlines_markup

    monkeypatch.setattr(outlines, "source", lambda: tmp_path / "missing.json")
    outlines.countries.cache_clear()
    outline_paths.cache_clear()
    outlines_markup.cache_clear()
    try:
        html = client.get("/en/cities/observatory/").text
        assert "map-country" not in html and 'class="map-point"' in html
        assert "No country outlines" in caplog.text
    finally:
        outlines.countries.cache_clear()
        outline_paths.cache_clear()
        outlines_markup.cache_clear()


def test_the_directory_maps_the_cities_of_its_page(client, seeded):
    html = client.get("/en/cities/", {"status": "applicant"}).text
    section = html.split('id="directory-map"')[1].split("</section>")[0]
    assert section.count('class="map-point"') == 4  # Catania, Cesena, Cuneo, Spoleto
    assert 'href="/en/cities/catania/"' in section
    assert "Adhesion in progress" in section and "Promoter or member" not in section  # its legend


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite writes one transaction at a time")
@pytest.mark.django_db(transaction=True)
def test_changes_recorded_at_once_both_count_in_the_stored_years():
    """Two coordinators record a change for two cities at the same moment: the second
    refresh waits for the first to commit and counts it too; neither fails."""
    import threading
    import time

    from django.db import connections, transaction

    from cities.models import NetworkYear

    alba, bra = CityFactory(), CityFactory()
    first_written, failures = threading.Event(), []

    def record(city, day, before_commit=None):
        try:
            with transaction.atomic():
                StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=day)
                if before_commit:
                    before_commit()
        except Exception as error:  # noqa: BLE001 (reported below)
            failures.append(error)
        finally:
            connections.close_all()

    def hold():
        first_written.set()
        time.sleep(0.5)  # the second change is recorded meanwhile

    first = threading.Thread(target=record, args=(alba, datetime.date(2005, 1, 1), hold))
    first.start()
    first_written.wait(10)
    second = threading.Thread(target=record, args=(bra, datetime.date(2006, 1, 1)))
    second.start()
    first.join(10)
    second.join(10)

    assert not failures
    assert list(NetworkYear.objects.values_list("year", "members")) == [(2005, 1), (2006, 2)]
