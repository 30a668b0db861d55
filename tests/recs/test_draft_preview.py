"""Staff preview drafts on the public site, under a banner; the public gets a 404."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from recs.roles import COORDINATORS, EDITORS
from tests.factories import ArticleFactory, EventFactory, PageFactory

pytestmark = pytest.mark.django_db

BANNER = {"it": "Bozza", "en": "Draft"}


def address(obj, language):
    with translation.override(language):
        return obj.get_absolute_url()


@pytest.fixture
def drafts():
    return [
        EventFactory(title_it="Assemblea in preparazione", is_published=False),
        ArticleFactory(headline_it="Articolo da rivedere", is_published=False),
        PageFactory(title_it="Statuto in bozza", is_published=False),
    ]


def member_of(django_user_model, group, name):
    user = django_user_model.objects.create_user(name, password="a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_the_public_gets_a_404_for_a_draft(client, drafts):
    for draft in drafts:
        for language in ("it", "en"):
            assert client.get(address(draft, language)).status_code == 404


def test_an_editor_previews_a_draft_under_a_banner_in_both_languages(client, django_user_model, drafts):
    client.force_login(member_of(django_user_model, EDITORS, "redattrice"))
    for draft in drafts:
        for language in ("it", "en"):
            response = client.get(address(draft, language))
            assert response.status_code == 200, (draft, language)
            assert (
                f'<div class="alert alert-warning" role="status"><strong>{BANNER[language]}:</strong>'
                in response.text
            )
            assert "X-Page-Cache" not in response or response["X-Page-Cache"] != "hit"
    draft = drafts[0]
    draft.is_published = True
    draft.save()
    assert BANNER["en"] + ":</strong>" not in client.get(address(draft, "en")).text  # published: no banner


def test_staff_who_may_not_change_that_content_see_only_what_is_published(client, django_user_model, drafts):
    client.force_login(member_of(django_user_model, COORDINATORS, "coordinatore"))
    for draft in drafts:
        assert client.get(address(draft, "it")).status_code == 404


def test_every_kind_of_content_starts_as_a_draft():
    from events.models import Event
    from pressreview.models import Article
    from recs.pages.models import Highlight, Page

    assert [model().is_published for model in (Event, Article, Page, Highlight)] == [False] * 4
