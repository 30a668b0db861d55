import pytest
from django.apps import apps
from playwright.sync_api import expect

from cities.models import City, StatusChange
from recs.roles import COORDINATORS, sync_roles
from recs.site.seed.loader import load
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_records_a_change_and_sees_it_in_public(page, live_server):
    # Live-server tests empty the database after each test, groups made by migrations included.
    sync_roles(apps)
    load()
    UserFactory(username="coordinatrice", password="una-password-lunga", role=COORDINATORS)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "coordinatrice")
    page.fill("#id_password", "una-password-lunga")
    page.click("input[type=submit]")
    expect(page).to_have_url(f"{live_server.url}/admin/")

    # From the city in the back office to the record form, with the city already chosen.
    cesena = City.objects.get(slug_it="cesena")
    page.goto(f"{live_server.url}/admin/cities/city/{cesena.pk}/change/")
    page.get_by_role("link", name="Registra un cambio di stato").click()
    expect(page.locator("#id_cities")).to_have_values([str(cesena.pk)])
    page.select_option("#id_status", "member")
    page.fill("#id_effective_date", "1/3/2007")
    page.fill("#id_reference_it", "Assemblea del 1° marzo 2007")
    page.get_by_role("button", name="Registra").click()
    expect(page.locator(".messagelist")).to_contain_text("Cambio di stato registrato per Cesena.")
    change = StatusChange.objects.get(city=cesena, status="member")
    assert change.recorded_by_name == "coordinatrice"

    # The public city page and the observatory's chart show it.
    page.goto(f"{live_server.url}/en/cities/cesena/")
    expect(page.locator("main")).to_contain_text("Current status: Member since 1 March 2007")
    expect(page.locator(".timeline-list")).to_contain_text("Adhesion in progress → Member")
    page.goto(f"{live_server.url}/en/cities/observatory/")
    expect(page.locator("#growth-desc")).to_contain_text("2007: 17 members, 3 in adhesion.")
    assert page.outside_requests == []
