"""An editor's whole day with a page: written with a link and bold text in both language
tabs, saved as a draft, previewed on the site, scheduled, and seen appearing."""

import datetime
import time

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from recs.pages.models import Page
from recs.roles import EDITORS
from tests.factories import UserFactory

from .conftest import open_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def write(page, field, before, bold, middle, link_text, address):
    """Type into the rich-text editor of ``field``: text, bold text, and a link."""
    editor = page.locator(".prose-editor", has=page.locator(f"#id_{field}"))
    editor.locator(".ProseMirror[contenteditable]").click()
    page.keyboard.type(before)
    page.keyboard.press("Control+b")
    page.keyboard.type(bold)
    page.keyboard.press("Control+b")
    page.keyboard.type(middle + link_text)
    content = editor.locator(".ProseMirror[contenteditable]")
    expect(content).to_contain_text(before + bold + middle + link_text)
    # Select the link's words with the keyboard, as an editor would. ProseMirror reads
    # typed text asynchronously and may put the cursor back at the end once it has: on a
    # busy machine, select again until the selection is the words.
    for _attempt in range(5):
        page.keyboard.press("End")
        for _ in link_text:
            page.keyboard.press("Shift+ArrowLeft")
        page.wait_for_timeout(100)
        if page.evaluate("() => document.getSelection().toString()") == link_text:
            break
    assert page.evaluate("() => document.getSelection().toString()") == link_text
    editor.locator("button[data-name=link]").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.locator("input[name=href]").fill(address)
    dialog.locator("button[type=submit]").click()


def tab(page, field, language):
    page.locator(".ui-tabs", has=page.locator(f"#id_{field}_it")).locator(
        ".ui-tabs-nav a", has_text=language
    ).click()


def test_an_editor_writes_previews_schedules_and_sees_a_page_appear(page, browser, live_server):
    UserFactory(username="redattrice", password="una-password-lunga", role=EDITORS)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "redattrice")
    page.fill("#id_password", "una-password-lunga")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    # Written in both tabs, with the editor served by the site.
    page.goto(f"{live_server.url}/admin/pages/page/add/")
    page.fill("#id_title_it", "Il nuovo bando")
    tab(page, "title", "en")
    page.fill("#id_title_en", "The new call")
    tab(page, "slug", "en")
    page.fill("#id_slug_en", "the-new-call")
    write(page, "body_it", "Leggi il ", "bando", " e poi l'", "agenda", "/it/agenda/")
    tab(page, "body", "en")
    write(page, "body_en", "Read the ", "call", " and then the ", "agenda", "/en/agenda/")
    assert not page.is_checked("#id_is_published")  # a new page starts as a draft
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")

    draft = Page.objects.get(title_it="Il nuovo bando")
    assert "<strong>bando</strong>" in draft.body_it and '<a href="/it/agenda/">agenda</a>' in draft.body_it
    assert "<strong>call</strong>" in draft.body_en and '<a href="/en/agenda/">agenda</a>' in draft.body_en
    assert not draft.is_published

    # Previewed: the staff see the draft on the site, under its banner; the public do not.
    page.click("a.viewsitelink")
    page.wait_for_url(f"**{draft.get_absolute_url()}")
    banner = page.locator(".alert-warning[role=status]")
    assert banner.inner_text().startswith("Bozza")
    assert page.locator("main strong", has_text="bando").count() == 1
    assert page.locator("main a[href='/it/agenda/']", has_text="agenda").count() == 1
    visitor_context, visitor = open_page(browser, live_server)
    address = f"{live_server.url}{draft.get_absolute_url()}"
    assert visitor.goto(address).status == 404

    # Scheduled a few seconds ahead (the form takes Rome's time).
    page.go_back()
    page.wait_for_url("**/change/")
    moment = timezone.localtime(timezone.now() + datetime.timedelta(seconds=8))
    page.check("#id_is_published")
    page.fill("#id_publish_at_0", moment.strftime("%d/%m/%Y"))
    page.fill("#id_publish_at_1", moment.strftime("%H:%M:%S"))
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")
    draft.refresh_from_db()
    assert draft.is_published and draft.publish_at == moment.replace(microsecond=0)
    page.goto(address)
    assert banner.inner_text().startswith("Programmato")
    assert visitor.goto(address).status == 404

    # It appears at its moment, with nothing saved in between.
    while timezone.now() < moment:
        time.sleep(0.5)
    response = visitor.goto(address)
    assert response.status == 200
    assert visitor.inner_text("main h1") == "Il nuovo bando"
    assert visitor.locator("main strong", has_text="bando").count() == 1
    assert visitor.locator("main a[href='/it/agenda/']").count() == 1
    assert visitor.locator(".alert-warning[role=status]").count() == 0
    with translation.override("en"):
        english = visitor.goto(f"{live_server.url}{draft.get_absolute_url()}")
    assert english.status == 200 and visitor.inner_text("main h1") == "The new call"
    assert visitor.locator("main strong", has_text="call").count() == 1
    assert visitor.locator("main a[href='/en/agenda/']").count() == 1
    assert page.outside_requests == [] and visitor.outside_requests == []
    visitor_context.close()
