"""Scheduled publication: what the public sees follows each item's window, on every
surface, and the page cache draws pages afresh when something appears or goes."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from events.models import Event
from recs.roles import EDITORS
from tests.factories import ArticleFactory, EventFactory, PageFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def address(obj, language="en"):
    with translation.override(language):
        return obj.get_absolute_url()


def public_surfaces(client, event):
    """Where an event shows to the public: its page, the agenda, the year archive, the
    feed, the sitemap and the search."""
    page = client.get(address(event))
    agenda = client.get("/en/agenda/").text
    archive = client.get(f"/en/agenda/{event.start_date.year}/")
    feed = client.get("/en/agenda/rss/").text
    from recs.site.sitemaps import BilingualSitemap

    page_of_the_sitemap = (event.pk - 1) * 2 // BilingualSitemap.limit + 1  # pages are ranges of keys
    sitemap = client.get("/sitemap-events.xml", {"p": page_of_the_sitemap}).text
    search = client.get("/en/search/", {"q": "Zanzibar"}).text
    return {
        "page": page.status_code == 200,
        "agenda": "Zanzibar summit" in agenda,
        "archive": archive.status_code == 200 and "Zanzibar summit" in archive.text,
        "feed": "Zanzibar summit" in feed,
        "sitemap": address(event).split("/")[-2] in sitemap,
        "search": "Zanzibar summit" in search,
    }


def summit(**window):
    return EventFactory(
        title_it="Vertice di Zanzibar",
        title_en="Zanzibar summit",
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        is_published=True,
        **window,
    )


def test_an_item_shows_on_every_surface_only_within_its_window(client):
    now = timezone.now()
    assert set(public_surfaces(client, summit(publish_at=now - HOUR)).values()) == {True}
    Event.objects.all().delete()
    assert set(public_surfaces(client, summit(publish_at=now + HOUR)).values()) == {False}
    Event.objects.all().delete()
    assert set(public_surfaces(client, summit(unpublish_at=now - HOUR)).values()) == {False}
    Event.objects.all().delete()
    assert set(public_surfaces(client, summit(publish_at=now - HOUR, unpublish_at=now + HOUR)).values()) == {
        True
    }


def test_clippings_and_pages_follow_their_window_too(client):
    later = timezone.now() + HOUR
    article = ArticleFactory(headline_en="Scheduled clipping", is_published=True, publish_at=later)
    page = PageFactory(title_en="Scheduled page", is_published=True, publish_at=later)
    assert client.get(address(article)).status_code == 404
    assert "Scheduled clipping" not in client.get("/en/press-review/").text
    assert "Scheduled clipping" not in client.get("/en/press-review/rss/").text
    assert client.get(address(page)).status_code == 404


def test_staff_see_a_scheduled_item_with_its_moment(client, django_user_model):
    editor = django_user_model.objects.create_user(
        "redattore", password="a-long-test-password", is_staff=True
    )
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    event = summit(publish_at=timezone.now() + HOUR)
    for language, banner in [("it", "Programmato"), ("en", "Scheduled")]:
        response = client.get(address(event, language))
        assert response.status_code == 200
        assert f"<strong>{banner}:</strong>" in response.text


def test_a_window_ends_after_it_begins():
    now = timezone.now()
    event = summit(publish_at=now + HOUR, unpublish_at=now)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "unpublish_at" in error.value.message_dict


def test_the_page_cache_draws_pages_afresh_when_a_scheduled_item_appears(client, settings, monkeypatch):
    settings.CACHE_PAGES = True
    now = timezone.now()
    summit(publish_at=now + HOUR)
    first = client.get("/en/agenda/")
    assert "Zanzibar summit" not in first.text
    assert client.get("/en/agenda/")["X-Page-Cache"] == "hit"

    later = now + 2 * HOUR  # the moment has come: no save, only time passing
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr("recs.common.page_cache.time.time", lambda: later.timestamp())
    response = client.get("/en/agenda/")
    assert response["X-Page-Cache"] == "miss"
    assert "Zanzibar summit" in response.text
