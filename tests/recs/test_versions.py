"""Versions: every save of content keeps one; staff see who changed what, in each
language, and restore an earlier one."""

import re

import pytest
from django.urls import reverse

from cities.models import City
from events.models import Event, WorkingGroup
from pressreview.models import Article, Outlet
from recs.pages.models import Contact, Highlight, Page
from recs.roles import COORDINATORS, EDITORS
from tests.factories import PageFactory, UserFactory

pytestmark = pytest.mark.django_db


def edit_page(client, page, **changes):
    data = {
        "title_it": page.title_it,
        "title_en": page.title_en or "",
        "slug_it": page.slug_it,
        "slug_en": page.slug_en,
        "summary_it": page.summary_it or "",
        "summary_en": page.summary_en or "",
        "body_it": page.body_it or "",
        "body_en": page.body_en or "",
        "menu_order": page.menu_order,
        "role": page.role,
        "is_published": "on" if page.is_published else "",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        **changes,
    }
    response = client.post(reverse("admin:pages_page_change", args=[page.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    page.refresh_from_db()
    return page


def test_every_kind_of_content_keeps_versions():
    for model in (Page, Contact, Highlight, Event, WorkingGroup, Article, Outlet, City):
        assert hasattr(model, "history"), model
        fields = {field.name for field in model.history.model._meta.fields}
        assert {"history_user", "history_date"} <= fields
    # Each language's text, not the untranslated column beside them.
    fields = {field.name for field in Page.history.model._meta.fields}
    assert {"body_it", "body_en", "title_it", "title_en", "slug_it", "slug_en"} <= fields
    assert "body" not in fields


def test_the_history_says_who_changed_what_in_each_language(client):
    editor = UserFactory(username="redattrice", role=EDITORS)
    client.force_login(editor)
    page = PageFactory(body_it="<p>Prima stesura.</p>", body_en="<p>First draft.</p>")
    edit_page(
        client, page, body_it="<p>Seconda <strong>stesura</strong>.</p>", body_en="<p>Second draft.</p>"
    )
    html = client.get(
        reverse("admin:pages_page_history", args=[page.pk]), headers={"accept-language": "it"}
    ).text
    assert "Versioni di “" in html
    assert "redattrice" in html
    table = html.split('<table id="change-history">')[1].split("</table>")[0]
    rows = re.findall(r"<tr>.*?</tr>", table, re.DOTALL)
    latest = rows[1]  # after the header
    assert "modifica" in latest and "(in vigore)" in latest
    # The text without its markup, each language apart.
    assert "<del>Prima stesura.</del> &rarr; <ins>Seconda stesura.</ins>" in latest
    assert "<del>First draft.</del> &rarr; <ins>Second draft.</ins>" in latest
    assert "[it]" in latest and "[en]" in latest
    assert "creazione" in rows[2]


def test_restoring_an_earlier_version_brings_back_both_languages(client, superuser):
    client.force_login(superuser)
    page = PageFactory(
        title_it="Storia", title_en="History", body_it="<p>Originale.</p>", body_en="<p>Original.</p>"
    )
    first = page.history.earliest()
    edit_page(client, page, title_it="Storia nuova", body_it="<p>Sbagliato.</p>", body_en="<p>Wrong.</p>")
    assert page.body_it == "<p>Sbagliato.</p>"

    form_url = reverse("admin:pages_page_simple_history", args=[page.pk, first.history_id])
    shown = client.get(form_url, headers={"accept-language": "it"}).text
    assert "Ripristina questa versione" in shown and "Originale." in shown
    # The form as it shows that version, sent back as it is: that is the restore.
    form = client.get(form_url).context["adminform"].form
    data = {
        name: ("on" if value else "") if isinstance(value, bool) else ("" if value is None else value)
        for name, value in ((name, form[name].value()) for name in form.fields)
        if not name.startswith(("publish_at", "unpublish_at"))
    }
    data |= {"publish_at_0": "", "publish_at_1": "", "unpublish_at_0": "", "unpublish_at_1": ""}
    response = client.post(form_url, data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title_it, page.body_it, page.body_en) == ("Storia", "<p>Originale.</p>", "<p>Original.</p>")
    # Restoring is a save like any other: the wrong version stays in the history.
    assert page.history.count() == 3
    assert page.history.filter(body_it="<p>Sbagliato.</p>").exists()


def test_only_who_may_change_the_content_may_restore_it(client, seeded):
    """Coordinators read a city's versions (they read the city), but restoring one is
    changing it, which they may not; the association's pages they do not read at all."""
    client.force_login(UserFactory(username="coordinatore", role=COORDINATORS))
    city = City.objects.get(name_it="Torino")
    version = city.history.earliest()
    url = reverse("admin:cities_city_simple_history", args=[city.pk, version.history_id])
    shown = client.get(url, headers={"accept-language": "it"})
    assert shown.status_code == 200 and "Ripristina questa versione" not in shown.text
    assert client.post(url, {"name_it": "Presa", "description_it": "x"}).status_code == 403
    city.refresh_from_db()
    assert city.name_it == "Torino"
    page = Page.objects.first()
    url = reverse("admin:pages_page_simple_history", args=[page.pk, page.history.earliest().history_id])
    assert client.get(url).status_code == 403
    assert client.post(url, {"title_it": "Presa"}).status_code == 403
