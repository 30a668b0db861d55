import datetime
import zoneinfo

import feedparser
import icalendar
import pytest

from tests.factories import ArticleFactory, CityFactory, EventFactory

pytestmark = pytest.mark.django_db
ROME = zoneinfo.ZoneInfo("Europe/Rome")


@pytest.fixture
def agenda():
    torino = CityFactory(name_it="Torino", name_en="Turin")
    summer = EventFactory(
        title_it="Seminario estivo",
        title_en="Summer seminar",
        venue_it="Palazzo Civico",
        host_city=torino,
        start_date=datetime.date(2026, 7, 2),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(13, 0),
    )
    winter = EventFactory(
        title_it="Assemblea invernale",
        title_en="Winter assembly",
        start_date=datetime.date(2026, 1, 15),
        end_date=datetime.date(2026, 1, 16),
    )
    EventFactory(title_it="Bozza", is_published=False)
    return summer, winter


def parse(response):
    assert response["content-type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_event_ics_is_valid_with_rome_time(client, agenda):
    summer, _ = agenda
    response = client.get("/en/agenda/2026/7/summer-seminar.ics")
    cal = parse(response)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    [tz] = cal.walk("VTIMEZONE")
    assert tz["TZID"] == "Europe/Rome"
    [event] = cal.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start == datetime.datetime(2026, 7, 2, 9, 30, tzinfo=ROME)
    assert start.utcoffset() == datetime.timedelta(hours=2)  # summer time
    assert event.decoded("DTEND") == datetime.datetime(2026, 7, 2, 13, 0, tzinfo=ROME)
    assert event["DTSTART"].params["TZID"] == "Europe/Rome"
    assert str(event["SUMMARY"]) == "Summer seminar"
    assert str(event["LOCATION"]) == "Palazzo Civico, Turin"
    assert str(event["URL"]) == "http://testserver/en/agenda/2026/7/summer-seminar/"
    assert event["UID"] and event["DTSTAMP"]


def test_all_day_event_spans_whole_days(client, agenda):
    cal = parse(client.get("/it/agenda/2026/1/assemblea-invernale.ics"))
    [event] = cal.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.date(2026, 1, 15)
    assert event.decoded("DTEND") == datetime.date(2026, 1, 17)  # exclusive end
    assert str(event["SUMMARY"]) == "Assemblea invernale"


def test_agenda_calendar_has_the_coming_and_recent_published_events(client, agenda):
    EventFactory(title_it="Prima assemblea", title_en="First assembly", start_date=datetime.date(2004, 12, 3))
    cal = parse(client.get("/en/agenda/calendar.ics"))
    # Events of more than a year ago stay in the archive (and their own .ics), not in the subscription.
    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == ["Summer seminar", "Winter assembly"]
    assert len({str(e["UID"]) for e in cal.walk("VEVENT")}) == 2
    assert client.get("/it/agenda/calendario.ics").status_code == 200


def test_unknown_or_unpublished_ics_is_404(client, agenda):
    assert client.get("/en/agenda/2026/7/nothing.ics").status_code == 404
    assert client.get("/en/agenda/2026/8/summer-seminar.ics").status_code == 404
    assert client.get("/it/agenda/2005/3/bozza.ics").status_code == 404


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_agenda_feeds(client, agenda, kind):
    feed = feedparser.parse(client.get(f"/en/agenda/{kind}/").content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "RECS – Agenda"
    assert [entry.title for entry in feed.entries] == ["Summer seminar", "Winter assembly"]
    assert feed.entries[0].link == "http://testserver/en/agenda/2026/7/summer-seminar/"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_press_review_feeds(client, kind):
    ArticleFactory(headline_it="La rete cresce", headline_en="The network grows", author="Anna Rossi")
    ArticleFactory(headline_it="Nascosto", is_published=False)
    feed = feedparser.parse(client.get(f"/it/rassegna-stampa/{kind}/").content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "RECS – Rassegna stampa"
    assert [entry.title for entry in feed.entries] == ["La rete cresce"]


@pytest.mark.parametrize(
    "url", ["/it/agenda/rss/", "/en/agenda/atom/", "/it/rassegna-stampa/rss/", "/en/press-review/atom/"]
)
def test_feeds_accept_any_text_staff_can_type(client, url):
    # Word's Shift+Enter is U+000B: XML forbids it, so it is left out, not fatal.
    EventFactory(
        title_it="Assemblea\x0bdi primavera", title_en="Spring\x0bassembly", description_it="Ordine\x0c"
    )
    ArticleFactory(
        headline_it="Le città\x0bstrategiche", headline_en="Strategic\x0bcities", summary_en="Sum\x1b."
    )
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    [entry] = feed.entries
    assert entry.title in {
        "Assembleadi primavera",
        "Springassembly",
        "Le cittàstrategiche",
        "Strategiccities",
    }
    assert "\x0b" not in response.content.decode()
    if "atom" in url:
        assert b'<summary type="text">' in response.content
        assert b'type="html"' not in response.content


def test_the_calendar_accepts_any_text_staff_can_type(client):
    event = EventFactory(
        title_it="Assemblea\x0bdi primavera", venue="Sala\x07 rossa", start_date=datetime.date.today()
    )
    calendar = icalendar.Calendar.from_ical(client.get("/it/agenda/calendario.ics").content)
    [component] = calendar.walk("VEVENT")
    assert str(component["summary"]) == "Assembleadi primavera"
    assert "\x07" not in str(component["location"])
    assert event.pk


def test_the_subscription_carries_the_next_events_and_the_latest_of_the_last_year(client):
    from events.views import SUBSCRIPTION_COMING, SUBSCRIPTION_PAST

    today = datetime.date.today()
    coming = [
        EventFactory(start_date=today + datetime.timedelta(days=n)) for n in range(SUBSCRIPTION_COMING + 5)
    ]
    past = [
        EventFactory(start_date=today - datetime.timedelta(days=n)) for n in range(1, SUBSCRIPTION_PAST + 5)
    ]
    EventFactory(start_date=today - datetime.timedelta(days=400), title_it="Troppo vecchio")
    calendar = icalendar.Calendar.from_ical(client.get("/it/agenda/calendario.ics").content)
    summaries = [str(component["summary"]) for component in calendar.walk("VEVENT")]
    expected = [e.title_it for e in reversed(past[:SUBSCRIPTION_PAST])] + [
        e.title_it for e in coming[:SUBSCRIPTION_COMING]
    ]
    assert summaries == expected
