import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cities.models import City, Status, StatusChange
from tests.factories import CityFactory, PeerCityFactory, StatusChangeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_current_status_is_that_of_the_latest_change():
    city = CityFactory()
    StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2005, 1, 1))
    StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2006, 1, 1))
    StatusChangeFactory(city=city, status=Status.WITHDRAWN, effective_date=datetime.date(2009, 1, 1))

    annotated = City.objects.with_status().get(pk=city.pk)
    assert annotated.current_status == Status.WITHDRAWN
    assert annotated.status_since == datetime.date(2009, 1, 1)
    with translation.override("it"):
        assert annotated.status_label == "ritirata"
    with translation.override("en"):
        assert annotated.status_label == "withdrawn"


def test_status_on_a_past_date():
    city = CityFactory()
    StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2005, 1, 1))
    StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2006, 1, 1))

    def status_on(day):
        return City.objects.with_status(on=day).get(pk=city.pk).current_status

    assert status_on(datetime.date(2004, 12, 31)) is None
    assert status_on(datetime.date(2005, 6, 1)) == Status.APPLICANT
    assert status_on(datetime.date(2006, 1, 1)) == Status.MEMBER


def test_same_day_changes_the_last_recorded_wins():
    city = CityFactory()
    StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2005, 1, 1))
    StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2005, 1, 1))
    assert City.objects.with_status().get(pk=city.pk).current_status == Status.MEMBER


def test_city_without_changes_has_no_status():
    city = CityFactory()
    assert City.objects.with_status().get(pk=city.pk).current_status is None


@pytest.mark.parametrize("rows", [5, 200])
def test_reading_the_status_of_a_list_costs_one_query(rows):
    cities = CityFactory.create_batch(rows)
    for city in cities:
        StatusChangeFactory(city=city, status=Status.APPLICANT, effective_date=datetime.date(2005, 1, 1))
        StatusChangeFactory(city=city, status=Status.MEMBER, effective_date=datetime.date(2006, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        statuses = [city.status_label for city in City.objects.with_status()]
    assert len(queries) == 1
    assert len(statuses) == rows


def test_slugs_are_made_in_both_languages():
    city = CityFactory(name_it="Torino", name_en="Turin")
    assert (city.slug_it, city.slug_en) == ("torino", "turin")
    no_english = CityFactory(name_it="Jesi", name_en="")
    assert (no_english.slug_it, no_english.slug_en) == ("jesi", "jesi")
    with translation.override("en"):
        assert City.objects.get(slug="turin") == city
        assert no_english.name == "Jesi"  # English falls back to Italian


def test_english_without_italian_is_refused():
    city = CityFactory.build(description_it="", description_en="Only English")
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert "description_it" in error.value.message_dict


def test_italian_name_is_required():
    city = CityFactory.build(name_it="", name_en="Turin")
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert "name_it" in error.value.message_dict


@pytest.mark.parametrize(
    "fields, field_in_error",
    [
        ({"country": "IT", "region": ""}, "region"),
        ({"country": "DE", "region": "toscana", "role": City.Role.PEER}, "region"),
        ({"country": "DE", "region": "", "province": "FI", "role": City.Role.PEER}, "province"),
        ({"country": "DE", "region": "", "province": "", "role": City.Role.MEMBER}, "role"),
        ({"province": "Torino"}, "province"),
        ({"latitude": 45}, "longitude"),
    ],
)
def test_place_rules(fields, field_in_error):
    city = CityFactory.build(**fields)
    with pytest.raises(ValidationError) as error:
        city.full_clean()
    assert field_in_error in error.value.message_dict


def test_valid_peer_city():
    PeerCityFactory.build(name_it="Monaco di Baviera", slug_it="m", slug_en="munich").full_clean()


def test_peer_city_has_no_adhesion_status():
    change = StatusChangeFactory.build(city=PeerCityFactory())
    with pytest.raises(ValidationError) as error:
        change.full_clean()
    assert "city" in error.value.message_dict


def test_effective_date_cannot_be_in_the_future():
    change = StatusChangeFactory.build(
        city=CityFactory(), effective_date=timezone.localdate() + datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        change.full_clean()
    assert "effective_date" in error.value.message_dict


def test_who_recorded_a_change_survives_the_account():
    user = UserFactory(username="coordinatrice", first_name="Anna", last_name="Bianchi")
    change = StatusChangeFactory.build(city=CityFactory())
    change.record(user)
    change.save()
    user.delete()
    change.refresh_from_db()
    assert change.recorded_by is None
    assert change.recorded_by_name == "Anna Bianchi"
    assert StatusChange.objects.filter(pk=change.pk).exists()
