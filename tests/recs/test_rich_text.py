"""Rich text: what editors write is kept, what could run in a reader's browser is not."""

import re

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event
from pressreview.models import Article
from recs.common.rich_text import as_plain_text, sanitize
from recs.pages.models import Page
from tests.factories import ArticleFactory, CityFactory, EventFactory, PageFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    "<p>Prima <strong>grassetto</strong> e <em>corsivo</em>"
    '<script>alert("x")</script>'
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(1)">trappola</a>'
    '<a href="/it/agenda/" onclick="alert(1)" style="color:red">agenda</a></p>'
    "<ul><li>uno</li><li>due</li></ul><blockquote><p>citazione</p></blockquote>"
    "<h2>Sezione</h2><table><tbody><tr><th>A</th><td>1</td></tr></tbody></table>"
    '<iframe src="https://example.org"></iframe><p style="position:fixed">stile</p>'
)


def page_form(**fields):
    return {
        "title_it": "Chi siamo davvero",
        "title_en": "Who we really are",
        "slug_it": "chi-siamo-davvero",
        "slug_en": "who-we-really-are",
        "summary_it": "",
        "summary_en": "",
        "body_it": "",
        "body_en": "",
        "menu_order": "0",
        "role": "association",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        **fields,
    }


def test_the_admin_keeps_formatting_and_drops_what_runs(client, superuser):
    client.force_login(superuser)
    response = client.post(
        reverse("admin:pages_page_add"), page_form(body_it=HOSTILE, body_en=HOSTILE, is_published="on")
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get(slug_it="chi-siamo-davvero")
    for body in (page.body_it, page.body_en):
        for gone in ("<script", "alert", "onerror", "onclick", "javascript:", "<iframe", "style=", "<img"):
            assert gone not in body
        for kept in (
            "<strong>grassetto</strong>",
            "<em>corsivo</em>",
            '<a href="/it/agenda/">agenda</a>',
            "<ul><li>uno</li><li>due</li></ul>",
            "<blockquote><p>citazione</p></blockquote>",
            "<h2>Sezione</h2>",
            "<th>A</th><td>1</td>",
        ):
            assert kept in body
    html = client.get(page.get_absolute_url()).text
    assert "<strong>grassetto</strong>" in html and "&lt;strong&gt;" not in html


def test_text_saved_outside_the_admin_is_cleaned_too():
    """The seed, an import or a shell: every save sanitises."""
    event = EventFactory(description_it='<p onmouseover="x()">Ordine del giorno</p><script>x()</script>')
    event.refresh_from_db()
    assert event.description_it == "<p>Ordine del giorno</p>"


def test_plain_text_becomes_paragraphs_with_its_markup_shown_as_text():
    assert sanitize("Primo paragrafo.\nStessa riga.\n\nSecondo <b>paragrafo</b>.") == (
        "<p>Primo paragrafo.<br>Stessa riga.</p>\n\n<p>Secondo &lt;b&gt;paragrafo&lt;/b&gt;.</p>"
    )
    assert sanitize("") == ""


def test_the_migration_of_plain_text_turns_it_into_paragraphs(db):
    from django.apps import apps

    from recs.common.rich_text import plain_text_becomes_rich

    page = PageFactory()
    Page.objects.filter(pk=page.pk).update(
        body_it="Uno.\n\nDue & tre.", body_en="<p>Already <em>rich</em></p>"
    )
    operation = plain_text_becomes_rich("pages", "page", ["body"])
    operation.code(apps, None)
    page.refresh_from_db()
    assert page.body_it == "<p>Uno.</p>\n\n<p>Due &amp; tre.</p>"
    assert page.body_en == "<p>Already <em>rich</em></p>"


def test_summaries_feeds_and_calendars_get_the_text_without_markup(client):
    ArticleFactory(
        summary_it="<p>La <strong>rete</strong> cresce &amp; si allarga.</p><ul><li>Torino</li></ul>"
    )
    with translation.override("it"):
        feed = feedparser.parse(client.get(reverse("pressreview:press-rss")).content)
    assert feed.entries[0].summary == "La rete cresce & si allarga.\nTorino"
    assert as_plain_text("<table><tr><td>a</td><td>b</td></tr></table>") == "a b"


def test_search_snippets_show_words_not_tags(client):
    ArticleFactory(
        headline_it="Assemblea", summary_it='<p>Il <strong>piano</strong> di <a href="/it/">Cuneo</a>.</p>'
    )
    html = client.get("/it/cerca/", {"q": "piano"}).text
    assert "&lt;strong" not in html and "&lt;p&gt;" not in html and "href=&quot;" not in html
    assert "Cuneo" in html


def test_a_link_to_content_of_the_site_survives_a_slug_change(client):
    city = CityFactory(name_it="Lucca", name_en="Lucca")
    with translation.override("it"):
        old_address = city.get_absolute_url()
    page = PageFactory(body_it=f'<p>Vedi <a href="{old_address}">Lucca</a>.</p>')
    city.name_it = city.name_en = "Lucca città"
    city.slug_it = city.slug_en = None
    city.save()
    with translation.override("it"):
        new_address = city.get_absolute_url()
    assert new_address != old_address
    html = client.get(page.get_absolute_url()).text
    assert f'<a href="{old_address}">Lucca</a>' in html
    response = client.get(old_address)
    assert response.status_code == 301 and response["Location"] == new_address
    assert client.get(new_address).status_code == 200


def test_every_rich_text_field_is_edited_with_the_editor_in_both_tabs(client, superuser):
    client.force_login(superuser)
    for model, field in [(Page, "body"), (Event, "description"), (Article, "summary")]:
        meta = model._meta
        html = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add")).text
        for code in ("it", "en"):
            assert f'name="{field}_{code}"' in html
            textarea = re.search(rf'<textarea[^>]*name="{field}_{code}"[^>]*>', html)[0]
            assert "data-django-prose-editor-configurable" in textarea
    html = client.get(reverse("admin:events_workinggroup_add")).text
    assert html.count("data-django-prose-editor-configurable") == 2


def test_the_editor_runs_under_the_content_security_policy(client, superuser):
    """Its import map is inline: the policy lets exactly that text run, by its hash."""
    import base64
    import hashlib

    client.force_login(superuser)
    response = client.get(reverse("admin:pages_page_add"))
    import_map = re.search(rb'<script type="importmap"[^>]*>(.*?)</script>', response.content, re.DOTALL)[1]
    digest = base64.b64encode(hashlib.sha256(import_map).digest()).decode()
    policy = response["Content-Security-Policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert f"'sha256-{digest}'" in script_src
    assert "'unsafe-inline'" not in script_src
    assert "sha256" not in client.get("/it/").get("Content-Security-Policy", "")
