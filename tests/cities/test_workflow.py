"""Recording adhesion status changes: the rules, the trail, the conflicts, the notification."""

import datetime
import itertools
import threading

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models.deletion import ProtectedError
from django.urls import reverse
from django.utils import timezone, translation

from cities.models import City, HistoryIsAppendOnly, Status
from cities.workflow import record_status_change
from recs.roles import COORDINATORS
from tests.factories import CityFactory, PeerCityFactory, StatusChangeFactory, UserFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2010, 5, 1)
ALLOWED = {
    (None, Status.PROMOTER),
    (None, Status.APPLICANT),
    (None, Status.MEMBER),
    (Status.APPLICANT, Status.MEMBER),
    (Status.APPLICANT, Status.WITHDRAWN),
    (Status.MEMBER, Status.WITHDRAWN),
    (Status.PROMOTER, Status.WITHDRAWN),
    (Status.WITHDRAWN, Status.APPLICANT),
}
ALL_STEPS = list(itertools.product([None, *Status], list(Status)))


def record(cities, status, day=DAY, user=None, opened_at=None, **fields):
    return record_status_change(
        cities,
        status=status,
        effective_date=day,
        user=user or UserFactory(),
        opened_at=opened_at or timezone.now(),
        **fields,
    )


def city_with(status):
    city = CityFactory()
    if status:
        StatusChangeFactory(city=city, status=status, effective_date=DAY - datetime.timedelta(days=30))
    return city


@pytest.mark.parametrize("before, after", ALL_STEPS, ids=[f"{b}->{a}" for b, a in ALL_STEPS])
def test_every_step_is_allowed_or_refused(before, after):
    city = city_with(before)
    if (before, after) in ALLOWED:
        [change] = record([city], after)
        assert change.previous_status == (before or "")
        assert City.objects.with_status().get(pk=city.pk).current_status == after
    else:
        with pytest.raises(ValidationError):
            record([city], after)
        assert city.status_changes.count() == (1 if before else 0)


def test_refusals_say_why_in_the_users_language():
    member = city_with(Status.MEMBER)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        record([member], Status.APPLICANT)
    assert error.value.messages == [
        f"{member.name_en}: A city cannot go from “member” to “adhesion in progress”. Allowed: “withdrawn”."
    ]
    with translation.override("it"), pytest.raises(ValidationError) as error:
        record([member], Status.PROMOTER)
    assert "può essere solo il primo stato" in error.value.messages[0]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        record([member], Status.MEMBER)
    assert "already “member”" in error.value.messages[0]


def test_a_peer_city_has_no_adhesion_status():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        record([PeerCityFactory()], Status.APPLICANT)
    assert "peer city" in error.value.messages[0]


def test_effective_date_rules():
    city = city_with(Status.APPLICANT)
    previous = city.status_changes.get().effective_date
    with translation.override("en"), pytest.raises(ValidationError, match="future"):
        record([city], Status.MEMBER, day=timezone.localdate() + datetime.timedelta(days=1))
    with translation.override("en"), pytest.raises(ValidationError, match="previous change"):
        record([city], Status.MEMBER, day=previous - datetime.timedelta(days=1))
    record([city], Status.MEMBER, day=previous)  # the same day is fine
    assert City.objects.with_status().get(pk=city.pk).current_status == Status.MEMBER


def test_several_cities_at_once_all_or_nothing():
    applicants = [city_with(Status.APPLICANT) for _ in range(3)]
    changes = record(applicants, Status.MEMBER, reference_it="Assemblea del 1° maggio 2010")
    assert {c.city for c in changes} == set(applicants)
    member = city_with(Status.MEMBER)
    other = city_with(Status.APPLICANT)
    with pytest.raises(ValidationError) as error:
        record([other, member], Status.MEMBER)
    assert [m.split(":")[0] for m in error.value.messages] == [member.name]
    assert not other.status_changes.filter(status=Status.MEMBER).exists()  # nothing saved


def test_corrections_are_new_entries():
    city = city_with(Status.APPLICANT)
    [wrong] = record([city], Status.WITHDRAWN)
    with translation.override("en"), pytest.raises(ValidationError, match="note"):
        record([city], Status.APPLICANT, is_correction=True)
    [fix] = record([city], Status.APPLICANT, is_correction=True, note_it="Ritiro registrato per errore.")
    # The correction stands where the wrong entry stood: after the status before it.
    assert fix.corrects == wrong and fix.previous_status == Status.APPLICANT
    assert city.status_changes.count() == 3
    assert City.objects.with_status().get(pk=city.pk).current_status == Status.APPLICANT
    wrong.note_it = "rewritten"
    with pytest.raises(HistoryIsAppendOnly):
        wrong.save()


def test_history_survives_the_staff_account_and_protects_the_city():
    user = UserFactory(first_name="Anna", last_name="Bianchi")
    city = city_with(Status.APPLICANT)
    [change] = record([city], Status.MEMBER, user=user)
    user.delete()
    change.refresh_from_db()
    assert (change.recorded_by, change.recorded_by_name) == (None, "Anna Bianchi")
    assert (change.previous_status, change.status) == (Status.APPLICANT, Status.MEMBER)
    assert change.recorded_at <= timezone.now()
    with pytest.raises(ProtectedError):
        city.delete()


def test_a_stale_form_is_a_conflict_and_nothing_is_lost():
    city = city_with(Status.APPLICANT)
    opened_at = timezone.now()
    record([city], Status.MEMBER)  # someone else, meanwhile
    with pytest.raises(ValidationError) as error:
        record([city], Status.WITHDRAWN, opened_at=opened_at)
    assert error.value.code == "conflict"
    assert city.name in error.value.messages[0]
    assert list(city.status_changes.values_list("status", flat=True).order_by("pk")) == [
        "applicant",
        "member",
    ]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two real concurrent transactions need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_recordings_on_postgresql():
    from django.db import connections, transaction

    city = city_with(Status.APPLICANT)
    first_user, second_user = UserFactory(), UserFactory()
    opened_at = timezone.now()
    first_locked, release_first = threading.Event(), threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                City.objects.select_for_update().get(pk=city.pk)  # holds the lock, like a slow save
                first_locked.set()
                release_first.wait(10)
                outcome["first"] = record([city], Status.MEMBER, user=first_user, opened_at=opened_at)
        finally:
            connections.close_all()

    def second():
        try:
            first_locked.wait(10)
            record([city], Status.WITHDRAWN, user=second_user, opened_at=opened_at)
        except ValidationError as error:
            outcome["second"] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_locked.wait(10)
    threading.Timer(0.5, release_first.set).start()  # the second is waiting on the lock by now
    for thread in threads:
        thread.join(20)

    assert outcome["first"][0].status == Status.MEMBER
    assert outcome["second"].code == "conflict"
    assert list(city.status_changes.values_list("status", flat=True).order_by("pk")) == [
        "applicant",
        "member",
    ]


def test_the_office_is_told_of_every_change(settings, django_capture_on_commit_callbacks):
    settings.RECS_OFFICE_EMAIL = "ufficio@recs.example"
    city = CityFactory(name_it="Cesena", name_en="Cesena")
    StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2006, 5, 11))
    with django_capture_on_commit_callbacks(execute=True):
        record(
            [city],
            Status.MEMBER,
            day=datetime.date(2007, 3, 1),
            user=UserFactory(username="carla"),
            reference_it="Assemblea del 1° marzo 2007",
        )
    [message] = mail.outbox
    assert message.to == ["ufficio@recs.example"]
    assert message.subject == "RECS: Cesena è ora «membro»"
    assert "carla ha registrato un cambio di stato di adesione" in message.body
    assert "Cesena: adesione in corso → membro, con decorrenza 1 marzo 2007" in message.body
    assert "Riferimento: Assemblea del 1° marzo 2007" in message.body


def test_nothing_is_sent_when_nothing_is_recorded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        record([city_with(Status.MEMBER)], Status.MEMBER)
    assert mail.outbox == []


def test_record_form_in_the_admin(client, seeded, django_capture_on_commit_callbacks):
    coordinator = UserFactory(role=COORDINATORS)
    client.force_login(coordinator)
    url = reverse("admin:cities_statuschange_record")
    cities = City.objects.filter(name_it__in=["Catania", "Cuneo"])
    opened_at = (
        client.get(url, {"cities": ",".join(str(c.pk) for c in cities)}).context["form"]["opened_at"].value()
    )
    data = {
        "cities": [c.pk for c in cities],
        "status": "member",
        "effective_date": "2007-03-01",
        "reference_it": "Assemblea",
        "opened_at": opened_at,
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True, headers={"accept-language": "en"})
    assert "Status change recorded for 2 cities: Catania, Cuneo." in response.text
    assert len(mail.outbox) == 1
    # The same form again (a second person with the old page) is a conflict, shown in the form.
    response = client.post(url, dict(data, status="withdrawn"), headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "Someone else recorded a change for Catania, Cuneo" in response.text
    bad = client.post(
        url,
        dict(data, effective_date="2007-02-30", opened_at=timezone.now().isoformat()),
        headers={"accept-language": "en"},
    )
    assert "Enter a valid date." in bad.text


def test_the_record_form_answers_bad_input_with_form_errors(client, seeded):
    client.force_login(UserFactory(role=COORDINATORS))
    url = reverse("admin:cities_statuschange_record")
    catania = City.objects.get(name_it="Catania")
    data = {"cities": ["abc", str(catania.pk)], "status": "member", "effective_date": "2007-03-01"}
    # A non-numeric city id: a form error, not a server error.
    response = client.post(url, data | {"opened_at": "x"}, headers={"accept-language": "en"})
    assert response.status_code == 200
    assert "This form has expired or was altered" in response.text
    assert "“abc” is not a valid value." in response.text
    # An "opened at" moved into the future to dodge the conflict check is refused too.
    forged = (timezone.now() + datetime.timedelta(days=1)).isoformat()
    response = client.post(
        url, data | {"cities": [catania.pk], "opened_at": forged}, headers={"accept-language": "en"}
    )
    assert "This form has expired or was altered" in response.text
    assert City.objects.with_status().get(pk=catania.pk).current_status == Status.APPLICANT
    # The cities' list in the address, with junk in it, still opens the form.
    assert client.get(url, {"cities": f"abc,{catania.pk}"}).status_code == 200
