import pytest

from cities.models import City
from recs.site.seed.loader import load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_language_tabs_work_with_jquery_ui_served_by_the_site(page, live_server, admin_login):
    load()
    admin_login()
    turin = City.objects.get(slug_it="torino")
    jquery_ui = []
    page.on(
        "response",
        lambda response: (
            jquery_ui.append((response.url, response.status)) if "jquery-ui" in response.url else None
        ),
    )
    page.goto(f"{live_server.url}/admin/cities/city/{turin.pk}/change/")

    # Each translated field gets a tab per language; Italian is shown first.
    name_tabs = page.locator(".ui-tabs", has=page.locator("#id_name_it"))
    name_tabs.wait_for()
    assert [tab.lower() for tab in name_tabs.locator(".ui-tabs-nav a").all_inner_texts()] == ["it", "en"]
    assert page.is_visible("#id_name_it") and page.is_hidden("#id_name_en")

    name_tabs.locator(".ui-tabs-nav a", has_text="en").click()
    assert page.is_visible("#id_name_en") and page.is_hidden("#id_name_it")
    assert page.input_value("#id_name_en") == "Turin"

    description_tabs = page.locator(".ui-tabs", has=page.locator("#id_description_en"))
    description_tabs.locator(".ui-tabs-nav a", has_text="en").click()
    page.fill("#id_description_en", "The capital of Piedmont.")
    description_tabs.locator(".ui-tabs-nav a", has_text="it").click()
    page.fill("#id_description_it", "Il capoluogo del Piemonte.")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/cities/city/")

    turin.refresh_from_db()
    assert (turin.description_it, turin.description_en) == (
        "Il capoluogo del Piemonte.",
        "The capital of Piedmont.",
    )
    assert set(jquery_ui) == {(f"{live_server.url}/static/vendor/jquery-ui/jquery-ui.min.js", 200)}
    assert page.outside_requests == []


def test_a_new_city_is_placed_by_choosing_it_among_the_gazetteer_s_homonyms(page, live_server, admin_login):
    admin_login()
    page.goto(f"{live_server.url}/admin/cities/city/add/")
    page.fill("#id_name_it", "Belvedere")
    page.get_by_role("button", name="Compila dal dizionario geografico").click()  # the staff's Italian
    places = page.locator(".gazetteer-places li")
    places.first.wait_for()
    assert places.count() == 3  # three towns of that name in Italy, the largest first
    assert "Veneto" in places.nth(0).inner_text()
    calabria = places.filter(has_text="Calabria")
    calabria.get_by_role("button").click()
    assert "Dati presi da Belvedere Marittimo" in page.inner_text(".gazetteer-places")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_server.url}/admin/cities/city/")

    city = City.objects.get(name_it="Belvedere")
    assert city.region == "calabria"
    assert city.population == 6182
    assert (round(float(city.latitude), 2), round(float(city.longitude), 2)) == (39.62, 15.86)
    assert page.outside_requests == []
