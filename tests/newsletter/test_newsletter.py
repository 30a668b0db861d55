"""The newsletter: composed in both languages, previewed, tried on one's own address,
sent once to each confirmed subscriber in their language, and archived in public."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from post_office.models import Email

from recs.mailinglist.models import Subscriber
from recs.management.commands.run_mail_worker import deliver_due_mail
from recs.newsletter import sending
from recs.newsletter.models import Issue
from recs.roles import EDITORS
from tests.factories import ArticleFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="redazione", email="redazione@example.org", role=EDITORS)
    client.force_login(user)
    return user


@pytest.fixture
def readers():
    return {
        "it": Subscriber.objects.create(email="lettrice@example.org", language="it", status="confirmed"),
        "en": Subscriber.objects.create(email="reader@example.org", language="en", status="confirmed"),
        "pending": Subscriber.objects.create(email="forse@example.org", language="it", status="pending"),
        "gone": Subscriber.objects.create(email="andato@example.org", language="it", status="unsubscribed"),
    }


def compose(client, **fields):
    data = {
        "subject_it": "Notizie di dicembre",
        "subject_en": "December news",
        "slug_it": "notizie-di-dicembre",
        "slug_en": "december-news",
        "body_it": '<p>Care città, ecco le <strong>novità</strong>. <a href="/it/agenda/">Agenda</a></p>',
        "body_en": "<p>Dear cities, here is <strong>what is new</strong>.</p><script>x()</script>",
        "news_since": (timezone.localdate() - datetime.timedelta(days=10)).isoformat(),
        **fields,
    }
    response = client.post(reverse("admin:newsletter_issue_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return Issue.objects.get(slug_it=data["slug_it"])


@pytest.fixture
def news():
    coming = EventFactory(
        title_it="Assemblea di primavera",
        title_en="Spring assembly",
        start_date=timezone.localdate() + datetime.timedelta(days=20),
    )
    recent = ArticleFactory(
        headline_it="La rete cresce", headline_en="The network grows", published_on=timezone.localdate()
    )
    ArticleFactory(
        headline_it="Notizia vecchia", published_on=timezone.localdate() - datetime.timedelta(days=60)
    )
    return coming, recent


def test_a_preview_in_each_language_shows_the_text_and_the_latest_news(client, editor, news):
    issue = compose(client)
    assert "<script" not in issue.body_en
    italian = client.get(reverse("admin:newsletter_issue_preview", args=[issue.pk, "it"])).text
    assert "Notizie di dicembre" in italian and "<strong>novità</strong>" in italian
    assert "Assemblea di primavera" in italian and "La rete cresce" in italian
    assert "Notizia vecchia" not in italian
    english = client.get(reverse("admin:newsletter_issue_preview", args=[issue.pk, "en"])).text
    assert "December news" in english and "Spring assembly" in english and "The network grows" in english


def test_a_test_goes_to_the_editor_alone_and_sends_nothing(client, editor, readers, news):
    issue = compose(client)
    client.post(reverse("admin:newsletter_issue_test", args=[issue.pk]), headers={"accept-language": "it"})
    deliver_due_mail()
    assert sorted(message.subject for message in mail.outbox) == [
        "[Prova EN] December news",
        "[Prova IT] Notizie di dicembre",
    ]
    assert {address for message in mail.outbox for address in message.to} == {"redazione@example.org"}
    issue.refresh_from_db()
    assert not issue.is_sent


def test_sent_once_to_each_confirmed_subscriber_in_their_language(client, editor, readers, news):
    issue = compose(client)
    confirm = client.get(
        reverse("admin:newsletter_issue_send", args=[issue.pk]), headers={"accept-language": "it"}
    )
    assert "2 iscritti confermati" in confirm.text
    response = client.post(reverse("admin:newsletter_issue_send", args=[issue.pk]))
    assert response.status_code == 302
    # Pressing again, or a second request racing the first, sends nothing more.
    client.post(reverse("admin:newsletter_issue_send", args=[issue.pk]))
    issue.refresh_from_db()
    with pytest.raises(sending.AlreadySent):
        sending.send_to_subscribers(issue, confirm.wsgi_request)
    assert issue.is_sent and issue.recipients == 2 and issue.sent_by == editor
    assert Email.objects.count() == 2

    deliver_due_mail()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"lettrice@example.org", "reader@example.org"}
    italian, english = by_address["lettrice@example.org"], by_address["reader@example.org"]
    assert italian.subject == "Notizie di dicembre" and english.subject == "December news"
    assert "Care città" in italian.body and "Dear cities" in english.body
    html = dict((mime, content) for content, mime in english.alternatives)["text/html"]
    assert "<strong>what is new</strong>" in html and "The network grows" in html
    for message in (italian, english):
        link = message.extra_headers["List-Unsubscribe"].strip("<>")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link in message.body
    assert italian.extra_headers["List-Unsubscribe"] != english.extra_headers["List-Unsubscribe"]


def test_the_one_click_unsubscribe_of_an_issue_works(client, editor, readers):
    issue = compose(client, news_since="")
    client.post(reverse("admin:newsletter_issue_send", args=[issue.pk]))
    deliver_due_mail()
    message = next(m for m in mail.outbox if m.to == ["reader@example.org"])
    path = re.sub(r"^http://testserver", "", message.extra_headers["List-Unsubscribe"].strip("<>"))
    client.logout()
    # What a mail client sends for one-click unsubscribe (RFC 8058).
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    readers["en"].refresh_from_db()
    assert readers["en"].status == "unsubscribed"

    client.force_login(editor)
    second = compose(client, slug_it="seconda", slug_en="second", news_since="")
    client.post(reverse("admin:newsletter_issue_send", args=[second.pk]))
    second.refresh_from_db()
    assert second.recipients == 1


def test_a_sent_issue_is_read_only_in_the_back_office(client, editor, readers):
    issue = compose(client, news_since="")
    client.post(reverse("admin:newsletter_issue_send", args=[issue.pk]))
    form = client.get(reverse("admin:newsletter_issue_change", args=[issue.pk])).text
    assert 'name="body_it"' not in form and "Send me a test" not in form


def test_the_archive_shows_sent_issues_as_they_were_received(client, editor, readers, news):
    sent = compose(client)
    draft = compose(client, slug_it="bozza", slug_en="draft", subject_it="Bozza", subject_en="Draft")
    client.post(reverse("admin:newsletter_issue_send", args=[sent.pk]))
    sent.refresh_from_db()
    # Staff see the issue not sent yet on the site, as a draft.
    preview = client.get(draft.get_absolute_url(), headers={"accept-language": "it"})
    assert preview.status_code == 200 and "Bozza" in preview.text and "Assemblea di primavera" in preview.text
    client.logout()
    # The news of the day it was sent, whatever the press review became since.
    news[1].delete()
    with translation.override("en"):
        archive = client.get(reverse("newsletter:issue-list")).text
        page = client.get(sent.get_absolute_url())
    assert "December news" in archive and "Draft" not in archive
    assert page.status_code == 200
    assert "<strong>what is new</strong>" in page.text and "The network grows" in page.text
    assert client.get(draft.get_absolute_url()).status_code == 404
    sitemap = client.get("/sitemap-newsletter.xml").text
    assert sent.get_absolute_url() in sitemap and "bozza" not in sitemap
