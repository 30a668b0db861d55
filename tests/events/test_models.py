import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2006, 5, 11)


def test_upcoming_and_past_events():
    past = EventFactory(start_date=datetime.date(2006, 5, 1))
    running = EventFactory(start_date=datetime.date(2006, 5, 10), end_date=datetime.date(2006, 5, 12))
    today = EventFactory(start_date=TODAY)
    later = EventFactory(start_date=datetime.date(2006, 6, 1))
    EventFactory(start_date=datetime.date(2006, 6, 2), is_published=False)

    assert list(Event.objects.upcoming(TODAY)) == [running, today, later]
    assert list(Event.objects.past(TODAY)) == [past]


def test_times_are_in_rome():
    event = EventFactory(start_date=datetime.date(2006, 7, 1), start_time=datetime.time(10, 30))
    assert event.starts_at.isoformat() == "2006-07-01T10:30:00+02:00"
    assert not event.is_all_day
    assert EventFactory(start_time=None).is_all_day


@pytest.mark.parametrize(
    "fields, field_in_error",
    [
        ({"start_date": datetime.date(2006, 5, 2), "end_date": datetime.date(2006, 5, 1)}, "end_date"),
        ({"start_time": None, "end_time": datetime.time(12)}, "end_time"),
        ({"start_time": datetime.time(12), "end_time": datetime.time(11)}, "end_time"),
    ],
)
def test_event_date_rules(fields, field_in_error):
    event = EventFactory.build(host_city=None, **fields)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert field_in_error in error.value.message_dict


def test_overnight_event_may_end_at_an_earlier_hour():
    EventFactory.build(
        host_city=None,
        slug_it="notte",
        slug_en="night",
        start_date=datetime.date(2006, 5, 1),
        start_time=datetime.time(22),
        end_date=datetime.date(2006, 5, 2),
        end_time=datetime.time(2),
    ).full_clean()


def test_an_event_lasts_at_most_a_year_and_a_long_one_is_upcoming_to_its_end():
    long = EventFactory.build(
        host_city=None,
        slug_it="mostra",
        slug_en="exhibition",
        start_date=datetime.date(2006, 1, 1),
        end_date=datetime.date(2007, 1, 2),
    )
    long.full_clean()  # 366 days
    long.end_date = datetime.date(2007, 1, 3)
    with pytest.raises(ValidationError) as error:
        long.full_clean()
    assert "al massimo un anno" in str(error.value.message_dict["end_date"])  # Italian first
    running = EventFactory(start_date=datetime.date(2005, 5, 12), end_date=datetime.date(2006, 5, 11))
    assert list(Event.objects.upcoming(TODAY)) == [running]
    assert list(Event.objects.past(TODAY)) == []


def test_years_and_months_with_events_read_by_jumps_agree_with_every_event():
    for day in [datetime.date(2004, 7, 29), datetime.date(2004, 12, 3), datetime.date(2004, 12, 30)]:
        EventFactory(start_date=day)
    EventFactory(start_date=datetime.date(2007, 1, 1))
    EventFactory(start_date=datetime.date(2005, 6, 1), is_published=False)
    published = Event.objects.published()
    assert Event.objects.published_months() == list(published.dates("start_date", "month"))
    assert Event.objects.published_years() == list(published.dates("start_date", "year", order="DESC"))
    assert Event.objects.published_years() == [datetime.date(2007, 1, 1), datetime.date(2004, 1, 1)]
