import pytest

pytestmark = pytest.mark.django_db

URL = "/admin/cities/city/gazetteer/"


def test_the_gazetteer_lists_homonyms_largest_first_with_their_region(admin_client):
    places = admin_client.get(URL, {"name": "belvedere", "country": "IT"}).json()["places"]
    assert [(place["name"], place["region"]) for place in places] == [
        ("Belvedere", "veneto"),
        ("Belvedere", "sicilia"),
        ("Belvedere Marittimo", "calabria"),
    ]
    assert [place["population"] for place in places] == sorted(
        (p["population"] for p in places), reverse=True
    )
    munich = admin_client.get(URL, {"name": "Monaco di Baviera", "country": "DE"}).json()["places"][0]
    assert (munich["name"], munich["region"], round(munich["latitude"])) == ("Munich", "", 48)


def test_the_gazetteer_answers_nothing_to_nothing(admin_client):
    for query in [
        {},
        {"name": "Atlantide", "country": "IT"},
        {"name": "Torino"},
        {"name": "x" * 500, "country": "ZZZ"},
    ]:
        response = admin_client.get(URL, query)
        assert response.status_code == 200 and response.json()["places"] == [], query


def test_only_staff_who_edit_cities_may_ask(client, django_user_model):
    assert client.get(URL, {"name": "Torino", "country": "IT"}).status_code == 302  # to the sign-in
    staff = django_user_model.objects.create_user("guest", password="a-long-test-password", is_staff=True)
    client.force_login(staff)
    assert client.get(URL, {"name": "Torino", "country": "IT"}).status_code == 403


def test_the_city_form_offers_the_lookup(admin_client):
    html = admin_client.get("/admin/cities/city/add/").text
    assert (
        'class="button gazetteer-find">Compila dal dizionario geografico</button>'
    )  # in the staff's Italian in html
    assert 'data-url="/admin/cities/city/gazetteer/"' in html
    assert "recs/admin/gazetteer" in html
