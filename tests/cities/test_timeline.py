"""The adhesion timeline's rules, in one place: append-only, corrections that supersede,
the date the network was founded, and the role a city with a history keeps."""

import csv
import datetime
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from cities.models import NETWORK_FOUNDED, City, HistoryIsAppendOnly, Status, StatusChange
from cities.observatory import growth_by_year
from cities.workflow import record_status_change
from tests.factories import CityFactory, StatusChangeFactory, UserFactory

pytestmark = pytest.mark.django_db


def record(city, status, day, **fields):
    [change] = record_status_change(
        [city], status=status, effective_date=day, user=UserFactory(), opened_at=timezone.now(), **fields
    )
    return change


def correct(city, status, day, note="Registrato per errore."):
    return record(city, status, day, is_correction=True, note_it=note)


def refusal(city, status, day, **fields):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        record(city, status, day, **fields)
    return " ".join(refused.value.messages)


def test_the_history_is_append_only_at_every_level(client, superuser):
    city = CityFactory()
    change = record(city, Status.APPLICANT, datetime.date(2005, 1, 1))
    with pytest.raises(HistoryIsAppendOnly):
        StatusChange.objects.filter(city=city).update(status=Status.MEMBER)
    with pytest.raises(HistoryIsAppendOnly):
        StatusChange.objects.filter(city=city).delete()
    with pytest.raises(HistoryIsAppendOnly):
        change.delete()
    change.status = Status.MEMBER
    with pytest.raises(HistoryIsAppendOnly):
        change.save()
    with pytest.raises(HistoryIsAppendOnly), transaction.atomic():
        StatusChange.objects.bulk_update([change], ["status"])
    # Not even a superuser edits or deletes it in the back office.
    client.force_login(superuser)
    change_url = reverse("admin:cities_statuschange_change", args=[change.pk])
    assert client.post(change_url, {"status": "member", "effective_date": "2005-01-01"}).status_code == 403
    assert (
        client.post(
            reverse("admin:cities_statuschange_delete", args=[change.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    bulk = client.post(
        reverse("admin:cities_statuschange_changelist"),
        {"action": "delete_selected", "_selected_action": [change.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}
    assert StatusChange.objects.get(pk=change.pk).status == Status.APPLICANT


def test_no_effective_date_before_the_network_was_founded_nor_in_the_future():
    city = CityFactory()
    assert "before the network was founded (16 October 2003)" in refusal(
        city, Status.MEMBER, datetime.date(2003, 10, 15)
    )
    assert "future" in refusal(city, Status.MEMBER, timezone.localdate() + datetime.timedelta(days=1))
    assert "before the network" in refusal(city, Status.MEMBER, datetime.date(1, 1, 1))
    record(city, Status.PROMOTER, NETWORK_FOUNDED)
    # The database itself keeps the rule too.
    with pytest.raises(IntegrityError), transaction.atomic():
        StatusChange.objects.create(
            city=CityFactory(), status=Status.MEMBER, effective_date=datetime.date(2001, 1, 1)
        )


@pytest.mark.parametrize(
    "history, correction, reason",
    [
        # applicant → member cannot be "corrected" to promoter: promoter is only a first status.
        ([Status.APPLICANT, Status.MEMBER], Status.PROMOTER, "can only be a city's first status"),
        # withdrawn → applicant corrected to member: from withdrawn a city can only apply again.
        ([Status.APPLICANT, Status.WITHDRAWN, Status.APPLICANT], Status.MEMBER, "cannot go from"),
        # member → withdrawn corrected to applicant: a member does not become an applicant.
        ([Status.MEMBER, Status.WITHDRAWN], Status.APPLICANT, "cannot go from"),
    ],
)
def test_a_correction_is_checked_against_the_status_before_the_entry_it_corrects(history, correction, reason):
    city = CityFactory()
    for year, status in enumerate(history, start=2005):
        record(city, status, datetime.date(year, 1, 1))
    message = refusal(
        city, correction, datetime.date(2005 + len(history) - 1, 1, 1), is_correction=True, note_it="x"
    )
    assert reason in message
    assert city.status_changes.count() == len(history)


def test_a_correction_needs_a_note_and_corrects_only_the_latest_entry_in_force():
    city = CityFactory()
    first = record(city, Status.APPLICANT, datetime.date(2005, 1, 1))
    record(city, Status.MEMBER, datetime.date(2006, 1, 1))
    assert "Say in the note" in refusal(city, Status.WITHDRAWN, datetime.date(2006, 1, 1), is_correction=True)
    older = StatusChange(
        city=city, status=Status.MEMBER, effective_date=datetime.date(2006, 1, 1), corrects=first, note_it="x"
    )
    with translation.override("en"), pytest.raises(ValidationError, match="latest entry in force"):
        older.full_clean()
    # Allowed: applicant → member corrected to applicant → withdrawn.
    fix = correct(city, Status.WITHDRAWN, datetime.date(2006, 1, 1))
    assert (fix.previous_status, fix.status) == (Status.APPLICANT, Status.WITHDRAWN)


@pytest.fixture
def corrected_city(seeded):
    """Cuneo: adhesion in progress (2006), "member" recorded by mistake in 2007, corrected to withdrawn."""
    cuneo = City.objects.get(name_it="Cuneo")
    wrong = record(cuneo, Status.MEMBER, datetime.date(2007, 3, 1))
    fix = correct(
        cuneo, Status.WITHDRAWN, datetime.date(2007, 3, 1), note="Non ha mai aderito: si è ritirata."
    )
    return cuneo, wrong, fix


def test_a_superseded_entry_counts_nowhere(client, corrected_city):
    cuneo, wrong, fix = corrected_city
    day = datetime.date(2007, 6, 1)
    assert City.objects.with_status(on=day).get(pk=cuneo.pk).current_status == Status.WITHDRAWN
    assert City.objects.with_status().get(pk=cuneo.pk).current_status == Status.WITHDRAWN

    # The directory on a date.
    directory = client.get("/en/cities/", {"on": "2007-06-01", "status": "member"})
    assert "Cuneo" not in directory.text
    assert "Cuneo" in client.get("/en/cities/", {"on": "2007-06-01", "status": "withdrawn"}).text

    # The growth figures: 2007 counts Cuneo as withdrawn, neither member nor applicant.
    growth = {f.year: f for f in growth_by_year(today=datetime.date(2008, 1, 15)).figures}
    members_2006, applicants_2006 = growth[2006].members, growth[2006].applicants
    assert (growth[2007].members, growth[2007].applicants) == (members_2006, applicants_2006 - 1)

    # The home counts: Cuneo is counted as withdrawn, not as a member.
    counts = City.objects.members().status_counts()
    withdrawn = City.objects.members().with_status().filter(current_status=Status.WITHDRAWN)
    assert list(withdrawn.values_list("name_it", flat=True)) == ["Cuneo"] and counts[Status.WITHDRAWN] == 1
    members = sum(counts[status] for status in Status.network())
    assert members == sum(
        city.current_status in Status.network() for city in City.objects.members().with_status()
    )
    assert f"The network counts {members} member cities today" in client.get("/en/").text

    # The exports.
    rows = list(
        csv.DictReader(io.StringIO(b"".join(client.get(reverse("cities:history-csv"))).decode("utf-8-sig")))
    )
    ids = {int(row["id"]) for row in rows}
    assert wrong.pk not in ids and fix.pk in ids
    [fix_row] = [row for row in rows if int(row["id"]) == fix.pk]
    assert (fix_row["previous_status"], fix_row["status"], fix_row["corrects"]) == (
        "applicant",
        "withdrawn",
        str(wrong.pk),
    )
    cities = list(
        csv.DictReader(io.StringIO(b"".join(client.get(reverse("cities:cities-csv"))).decode("utf-8-sig")))
    )
    assert [row["current_status"] for row in cities if row["slug"] == "cuneo"] == ["withdrawn"]
    document = json.loads(b"".join(client.get(reverse("cities:cities-json"))))
    [cuneo_json] = [city for city in document["cities"] if city["slug"] == "cuneo"]
    assert [entry["status"] for entry in cuneo_json["history"]] == ["applicant", "withdrawn"]


def test_the_public_timeline_shows_both_entries_marked(client, corrected_city):
    cuneo, wrong, fix = corrected_city
    page = client.get(cuneo.get_absolute_url(), headers={"accept-language": "en"})
    html = client.get("/en/cities/cuneo/").text
    assert page.status_code in {200, 301}
    assert html.count('class="superseded"') == 1
    assert "superseded by a correction recorded on" in html
    assert "correction of the entry of 1 March 2007" in html
    assert "Non ha mai aderito" in html


def test_a_city_with_a_history_keeps_its_role(client, superuser, seeded):
    torino = City.objects.get(name_it="Torino")
    torino.role = City.Role.PEER
    with translation.override("en"), pytest.raises(ValidationError, match="has an adhesion history"):
        torino.full_clean()
    with pytest.raises(ValueError):
        torino.save()
    # In the back office the role is shown, not offered for change.
    client.force_login(superuser)
    form = client.get(reverse("admin:cities_city_change", args=[torino.pk]))
    assert 'name="role"' not in form.text
    # A city without a history may still change role.
    newcomer = CityFactory()
    newcomer.role = City.Role.PEER
    newcomer.country = "FR"
    newcomer.region = ""
    newcomer.save()
    assert City.objects.get(pk=newcomer.pk).role == City.Role.PEER
    assert 'name="role"' in client.get(reverse("admin:cities_city_change", args=[newcomer.pk])).text


def test_a_citys_form_costs_the_same_queries_however_long_its_history(client, superuser, seeded):
    from tests.querycount import assert_fixed_query_count

    torino = City.objects.get(name_it="Torino")
    days = iter(datetime.date(2010, 1, 1) + datetime.timedelta(days=n) for n in range(1000))

    def grow(count):
        for _ in range(count):
            StatusChangeFactory(city=torino, status=Status.MEMBER, effective_date=next(days))

    client.force_login(superuser)
    assert_fixed_query_count(
        client, [reverse("admin:cities_city_change", args=[torino.pk])], grow=lambda: grow(15)
    )


def test_the_seed_records_its_history_through_the_workflow(seeded):
    from post_office.models import Email

    changes = StatusChange.objects.all()
    assert changes.count() == 20
    assert {change.recorded_by_name for change in changes} == {"load_seed"}
    assert all(change.previous_status == "" for change in changes)
    assert not Email.objects.exists()  # the office is not told of the initial content


def test_status_counts_and_growth_cost_one_query_each(django_assert_num_queries, corrected_city):
    with django_assert_num_queries(1):
        City.objects.members().status_counts()
    with django_assert_num_queries(1):
        growth_by_year()


def test_the_stored_status_follows_every_change_and_correction(seeded):
    """Each city keeps its entry in force (what the lists read today): it follows what is
    recorded, a correction puts it back, and a city's own save never overwrites it."""
    asti = CityFactory(name_it="Asti", name_en="Asti")
    stale = City.objects.get(pk=asti.pk)  # a form opened before anything was recorded
    record(asti, Status.APPLICANT, datetime.date(2005, 3, 1))
    record(asti, Status.MEMBER, datetime.date(2006, 5, 1))
    asti.refresh_from_db()
    assert (asti.status_in_force, asti.status_in_force_since) == ("member", datetime.date(2006, 5, 1))
    correct(asti, Status.APPLICANT, datetime.date(2006, 5, 1))
    asti.refresh_from_db()
    assert (asti.status_in_force, asti.status_in_force_since) == ("applicant", datetime.date(2006, 5, 1))
    stale.description_it = "Città del Piemonte."
    stale.save()
    asti.refresh_from_db()
    assert asti.description_it == "Città del Piemonte." and asti.status_in_force == "applicant"


def test_the_stored_status_agrees_with_the_history_for_every_city(seeded):
    """For every city of the seed (and of an import, after refresh_statuses), the stored
    status is the one the history computes."""
    computed = dict(
        (city_id, (status, since)) for city_id, status, since in StatusChange.objects.entry_of_each_city()
    )
    City.objects.update(status_in_force="", status_in_force_since=None)  # an import bypassing save()
    City.objects.all().refresh_statuses()
    stored = {
        pk: (status, since)
        for pk, status, since in City.objects.exclude(status_in_force="").values_list(
            "pk", *City.STORED_STATUS
        )
    }
    assert stored == computed and len(stored) > 10
    today = timezone.localdate()
    assert City.objects.members().status_counts() == City.objects.members().status_counts(on=today)
    assert City.objects.members().status_entries() == City.objects.members().status_entries(on=today)
