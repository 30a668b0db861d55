"""What each staff role may do in the back office, checked on every admin URL."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.urls import reverse
from post_office.models import Email

from cities.models import City, Status, StatusChange
from recs.mailinglist.models import Subscriber
from recs.roles import ADMINISTRATORS, COORDINATORS, EDITORS
from tests.factories import UserFactory

from .admin_urls import app_index_urls, model_admin_urls

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"pages", "mailinglist", "cities", "events", "pressreview", "publications", "newsletter"}
READ_ONLY = {
    "changelist",
    "change",
    "history",
    "version",
}  # "change" shows the record, read only, where it may not change


def editor_may(model, view):
    if model is StatusChange:
        # Editors read the adhesion history; coordinators record it; nobody deletes it.
        return view in READ_ONLY
    if model is Subscriber:
        # Consent is the subscriber's own: staff see, export and remove, never add or edit.
        return view in READ_ONLY | {"delete"}
    return model._meta.app_label in CONTENT_APPS


def coordinator_may(model, view):
    if model is City:
        return view in READ_ONLY
    if model is StatusChange:
        return view in READ_ONLY | {"add", "record"}
    return False


def administrator_may(model, view):
    app_label = model._meta.app_label
    if app_label == "auth" or (app_label == "axes" and view != "add"):
        return True  # accounts, groups, login lock-outs (the site alone writes those)
    if model is Email:
        return view in READ_ONLY  # the mail queue, to requeue a failed mail
    if model is LogEntry:
        return view in READ_ONLY
    return False


ROLES = [(EDITORS, editor_may), (COORDINATORS, coordinator_may), (ADMINISTRATORS, administrator_may)]


@pytest.mark.parametrize("role, may", ROLES, ids=[role for role, _ in ROLES])
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
        allowed = {
            model._meta.app_label for model, _, _ in model_admin_urls(one_of_each) if may(model, "changelist")
        }
        assert (status == 200) == (app_label in allowed), (role, app_label, status)


@pytest.mark.parametrize("role, may", ROLES, ids=[role for role, _ in ROLES])
def test_what_a_role_may_not_do_it_cannot_post_either(client, one_of_each, role, may):
    """The POST side of the matrix: a form sent to a page the role may not use changes nothing."""
    client.force_login(UserFactory(role=role))
    for model, view, url in model_admin_urls(one_of_each):
        if view not in {"add", "change", "delete", "record"} or may(model, view):
            continue
        before = model._default_manager.count()
        response = client.post(url, {"post": "yes", "name_it": "Intruso", "username": "intruso"})
        assert response.status_code in {403, 404}, (role, url, response.status_code)
        assert model._default_manager.count() == before, (role, url)


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


def test_staff_remove_a_subscriber_on_request_and_the_removal_is_logged(client):
    editor = UserFactory(role=EDITORS, username="redattrice")
    subscriber = Subscriber.objects.create(email="lettrice@example.org", status=Subscriber.Status.CONFIRMED)
    client.force_login(editor)
    change = reverse("admin:mailinglist_subscriber_change", args=[subscriber.pk])
    # Consent is not staff's to change: the record shows read only, and a POST changes nothing.
    assert "readonly" in client.get(change).text
    assert client.post(change, {"email": "lettrice@example.org", "status": "pending"}).status_code == 403
    assert client.get(reverse("admin:mailinglist_subscriber_add")).status_code == 403
    response = client.post(
        reverse("admin:mailinglist_subscriber_delete", args=[subscriber.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_repr, entry.is_deletion()) == (editor, "lettrice@example.org", True)


def test_an_account_with_a_history_is_deactivated_not_deleted(client, superuser):
    coordinator = UserFactory(role=COORDINATORS, username="coordinatrice")
    LogEntry.objects.create(user=coordinator, object_repr="Cesena", action_flag=1, change_message="[]")
    client.force_login(superuser)
    delete = reverse("admin:auth_user_delete", args=[coordinator.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(user=coordinator).exists()  # what they did stays theirs
    newcomer = UserFactory(username="nuovo")
    assert (
        client.post(reverse("admin:auth_user_delete", args=[newcomer.pk]), {"post": "yes"}).status_code == 302
    )


def test_an_administrator_manages_accounts_but_makes_no_superuser(client):
    administrator = UserFactory(role=ADMINISTRATORS, username="amministratrice", is_staff=True)
    client.force_login(administrator)
    form = client.get(reverse("admin:auth_user_change", args=[administrator.pk]))
    assert form.status_code == 200
    assert 'name="is_superuser"' not in form.text and 'name="groups"' in form.text
    boss = get_user_model().objects.create_superuser("capo", "c@example.org", "pw")
    boss_page = reverse("admin:auth_user_change", args=[boss.pk])
    assert 'name="username"' not in client.get(boss_page).text  # shown, read only
    assert client.post(boss_page, {"username": "capo", "is_active": ""}).status_code == 403
    assert get_user_model().objects.get(pk=boss.pk).is_active
