"""What each staff role may do in the back office, checked on every admin URL."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cities.models import City, Status, StatusChange
from recs.roles import COORDINATORS, EDITORS
from tests.factories import UserFactory

from .admin_urls import app_index_urls, model_admin_urls

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"pages", "mailinglist", "cities", "events", "pressreview"}


def editor_may(model, view):
    if model is StatusChange:
        # Editors read the adhesion history; coordinators record it; nobody deletes it.
        return view in {"changelist", "change", "history"}
    return model._meta.app_label in CONTENT_APPS


def coordinator_may(model, view):
    if model is City:
        return view in {"changelist", "change", "history"}  # read-only views
    if model is StatusChange:
        return view in {"changelist", "add", "record", "change", "history"}  # change = read-only view
    return False


@pytest.mark.parametrize("role, may", [(EDITORS, editor_may), (COORDINATORS, coordinator_may)])
def test_each_role_reaches_exactly_its_admin_pages(client, one_of_each, role, may):
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("admin:index")).status_code == 200
    for model, view, url in model_admin_urls(one_of_each):
        status = client.get(url, follow=True).status_code
        if may(model, view):
            assert status == 200, (role, url)
        else:
            assert status in {403, 404}, (role, url, status)
    for app_label in app_index_urls():
        status = client.get(reverse("admin:app_list", args=[app_label])).status_code
        allowed = app_label in CONTENT_APPS if role == EDITORS else app_label == "cities"
        assert (status == 200) == allowed, (role, app_label, status)


def test_anonymous_visitors_reach_no_admin_page(client, one_of_each):
    login = reverse("admin:login")
    urls = [url for _, _, url in model_admin_urls(one_of_each)] + [reverse("admin:index")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(login), url


def test_coordinator_records_a_status_change_but_cannot_edit_a_city(client, seeded):
    coordinator = UserFactory(role=COORDINATORS, first_name="Carla", last_name="Neri")
    client.force_login(coordinator)
    cesena = City.objects.get(name_it="Cesena")
    record = reverse("admin:cities_statuschange_record")
    form = client.get(record, {"cities": cesena.pk}).context["form"]
    response = client.post(
        record,
        {
            "cities": [cesena.pk],
            "status": Status.MEMBER,
            "effective_date": "2007-02-01",
            "reference_it": "Delibera di adesione",
            "opened_at": form["opened_at"].value(),
        },
    )
    assert response.status_code == 302
    change = StatusChange.objects.get(city=cesena, status=Status.MEMBER)
    assert (change.recorded_by, change.recorded_by_name) == (coordinator, "Carla Neri")
    assert City.objects.with_status().get(pk=cesena.pk).current_status == Status.MEMBER

    response = client.post(
        reverse("admin:cities_city_change", args=[cesena.pk]), {"name_it": "Altro nome", "country": "IT"}
    )
    assert response.status_code == 403
    assert City.objects.get(pk=cesena.pk).name_it == "Cesena"
    # The city autocomplete of the status form works for coordinators.
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "Ces", "app_label": "cities", "model_name": "statuschange", "field_name": "city"},
    )
    assert [item["text"] for item in response.json()["results"]] == ["Cesena"]


def test_editor_edits_content_but_not_accounts(client, seeded):
    client.force_login(UserFactory(role=EDITORS))
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    response = client.post(
        reverse("admin:auth_user_add"), {"username": "intruder", "password1": "x", "password2": "x"}
    )
    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="intruder").exists()
