"""The page cache: anonymous visitors' pages kept whole, and dropped by any change of content."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils.html import escape

from cities.models import City
from recs.pages.models import Page
from tests.factories import WorkingGroupFactory


@pytest.fixture
def cache_pages(settings):
    settings.CACHE_PAGES = True


def test_an_anonymous_page_is_drawn_once_then_served_from_the_cache(
    client, seeded, cache_pages, django_assert_num_queries
):
    first = client.get("/it/citta/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get("/it/citta/")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    # Each address is a page of its own: another language, another filter.
    assert client.get("/en/cities/")["X-Page-Cache"] == "miss"
    assert client.get("/it/citta/", {"status": "member"})["X-Page-Cache"] == "miss"


def test_saving_content_shows_at_once(client, seeded, cache_pages):
    page = Page.objects.order_by("pk").first()
    address = page.get_absolute_url()
    assert client.get(address)["X-Page-Cache"] == "miss"
    assert client.get(address)["X-Page-Cache"] == "hit"

    page.title_it = "Chi siamo, aggiornato"
    page.save()
    response = client.get(address)
    assert response["X-Page-Cache"] == "miss"
    assert "Chi siamo, aggiornato" in response.text

    # Any content counts, and deleting too: a city gone from the directory.
    assert client.get("/it/citta/europa/")["X-Page-Cache"] == "miss"
    peer = City.objects.peers().order_by("pk").first()
    assert escape(peer.name) in client.get("/it/citta/europa/").text
    peer.delete()
    response = client.get("/it/citta/europa/")
    assert response["X-Page-Cache"] == "miss" and escape(peer.name) not in response.text


def test_many_to_many_changes_invalidate_too(client, seeded, cache_pages):
    group = WorkingGroupFactory()
    city = City.objects.members().order_by("pk").first()
    assert client.get(group.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(group.get_absolute_url())["X-Page-Cache"] == "hit"
    group.member_cities.add(city)
    response = client.get(group.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert escape(city.name) in response.text


def test_signed_in_staff_and_forms_are_never_cached(client, seeded, cache_pages):
    # A form carries the visitor's own CSRF token: never shared.
    response = client.get("/it/mailing-list/")
    assert response.status_code == 200 and "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/it/mailing-list/")

    staff = get_user_model().objects.create_user("redazione", password="x", is_staff=True)
    client.force_login(staff)
    assert "X-Page-Cache" not in client.get("/it/citta/")
    assert "X-Page-Cache" not in client.get("/admin/")


def test_errors_and_redirects_are_not_kept(client, seeded, cache_pages):
    assert client.get("/it/citta/nessuna/").status_code == 404
    assert "X-Page-Cache" not in client.get("/it/citta/nessuna/")
    assert client.get("/").status_code == 302
    assert "X-Page-Cache" not in client.get("/")


def test_conditional_requests_on_a_cached_page(client, seeded, cache_pages):
    first = client.get("/it/rassegna-stampa/rss/")
    assert client.get("/it/rassegna-stampa/rss/")["X-Page-Cache"] == "hit"
    assert client.get("/it/rassegna-stampa/rss/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_off_switch_and_a_cache_that_does_not_answer(client, seeded, settings, monkeypatch):
    settings.CACHE_PAGES = False
    assert "X-Page-Cache" not in client.get("/it/citta/")

    settings.CACHE_PAGES = True

    def fails(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "get", fails)
    monkeypatch.setattr(cache, "add", fails)
    response = client.get("/it/citta/")
    assert response.status_code == 200 and "X-Page-Cache" not in response
