"""Addresses that last: a slug changed in either language, or an event moved to another
month, leaves its old address answering 301 with the new one, for every kind of content."""

import datetime

import pytest
from django.utils import translation

from tests.factories import ArticleFactory, CityFactory, EventFactory, PageFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db

KINDS = [CityFactory, WorkingGroupFactory, EventFactory, ArticleFactory, PageFactory]


def address(obj, language):
    with translation.override(language):
        return obj.get_absolute_url()


@pytest.mark.parametrize("factory", KINDS, ids=lambda factory: factory._meta.model.__name__)
@pytest.mark.parametrize("language", ["it", "en"])
def test_a_changed_slug_leaves_its_old_address_leading_to_the_new_one(client, factory, language):
    obj = factory()
    old = {code: address(obj, code) for code in ("it", "en")}
    setattr(obj, f"slug_{language}", f"nuovo-indirizzo-{language}")
    obj.save()

    response = client.get(old[language])
    assert response.status_code == 301, old[language]
    assert response["Location"] == address(obj, language)
    assert f"nuovo-indirizzo-{language}" in response["Location"]
    assert client.get(response["Location"]).status_code == 200
    other = "en" if language == "it" else "it"
    assert client.get(old[other]).status_code == 200  # the other language's address did not change


def test_old_addresses_lead_on_through_several_changes_and_never_to_a_draft(client):
    event = EventFactory(slug_it="primo", slug_en="first")
    first = address(event, "it")
    for slug in ("secondo", "terzo"):
        event.slug_it = slug
        event.save()
    assert (
        client.get(first)["Location"]
        == address(event, "it")
        == client.get(address(event, "it").replace("terzo", "secondo"))["Location"]
    )
    event.is_published = False
    event.save()
    assert client.get(first).status_code == 404


def test_an_event_moved_to_another_month_keeps_its_old_address(client):
    event = EventFactory(start_date=datetime.date(2004, 12, 3))
    old = address(event, "en")
    event.start_date = datetime.date(2005, 1, 20)
    event.save()
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == address(event, "en")
    assert "/2005/1/" in response["Location"]


def test_a_slug_taken_by_another_object_leads_to_that_object(client):
    old_page = PageFactory(slug_it="chi-siamo-2005")
    old_page.slug_it = "chi-siamo"
    old_page.save()
    newer = PageFactory(slug_it="chi-siamo-2005")  # a new page takes the old slug
    response = client.get(address(newer, "it"))
    assert response.status_code == 200 and response.context["object"] == newer


def test_an_unknown_slug_is_still_a_404(client):
    CityFactory(slug_it="torino")
    assert client.get("/it/citta/atlantide/").status_code == 404


def test_addresses_from_templates_are_those_reverse_gives():
    """``get_absolute_url`` builds addresses from a template per view and language."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    from recs.common.addresses import address_of

    for language in ("it", "en"):
        with translation.override(language):
            for viewname, kwargs in [
                ("events:event-detail", {"year": 2004, "month": 12, "slug": "prima-assemblea"}),
                ("cities:city-detail", {"slug": "la-spezia"}),
                ("pressreview:article-detail", {"year": 2005, "month": 3, "slug": "a_b-1"}),
            ]:
                assert address_of(viewname, **kwargs) == reverse(viewname, kwargs=kwargs)
    # What reverse() refuses, it still refuses.
    with pytest.raises(NoReverseMatch):
        address_of("cities:city-detail", slug="due parole")
