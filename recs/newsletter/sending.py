"""Sending an issue of the newsletter: a preview, a test to oneself, and the one real send.

Each confirmed subscriber gets one mail in their language, with their own unsubscribe
link and the one-click unsubscribe headers of RFC 8058. The mails are queued in the
database (django-post-office) in batches, in the same transaction that marks the issue
sent, and the mail worker delivers them; an issue is claimed by one conditional UPDATE,
so it is sent once even if two people press "send" together.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from post_office import mail

from events.models import Event
from pressreview.models import Article
from recs.common.languages import codes
from recs.common.rich_text import as_plain_text
from recs.mailinglist.models import Subscriber
from recs.mailinglist.subscriptions import unsubscribe_url
from recs.publications.models import Publication

from .models import Issue

BATCH = 500
NEWS_ITEMS = 8
LIST_ID = "RECS – Rete Città Strategiche <newsletter.recs.it>"
# Where each subscriber's unsubscribe link goes in the mail written once per language.
OWN_LINK = "https://unsubscribe.invalid/own-link"


class AlreadySent(Exception):
    pass


def latest_news(issue, language, request):
    """The "latest news" block in ``language`` as HTML (empty without a start date):
    the coming events, and the clippings and publications since ``issue.news_since``."""
    if issue.news_since is None:
        return ""
    today = timezone.localdate()
    with translation.override(language):
        context = {
            "events": Event.objects.published()
            .filter(start_date__gte=today)
            .order_by("start_date", "pk")[:NEWS_ITEMS],
            "articles": Article.objects.published()
            .filter(published_on__gte=issue.news_since)
            .select_related("outlet")
            .order_by("-published_on", "-pk")[:NEWS_ITEMS],
            "publications": Publication.objects.published()
            .filter(created_at__date__gte=issue.news_since)
            .defer("text")
            .order_by("-created_at")[:NEWS_ITEMS],
            "base": request.build_absolute_uri("/")[:-1],
        }
        return render_to_string("newsletter/mail/news.html", context).strip()


def news_of(issue, language, request):
    """The block as sent (kept on the issue), or as it would be sent now."""
    return getattr(issue, f"news_{language}") if issue.is_sent else latest_news(issue, language, request)


def mail_context(issue, language, request, unsubscribe, news):
    return {
        "issue": issue,
        "news": news,
        "unsubscribe_url": unsubscribe,
        "archive_url": request.build_absolute_uri(issue.get_absolute_url()),
        "language": language,
    }


def preview(issue, language, request, unsubscribe):
    """The mail's content in ``language`` as HTML to show inside a page of the back office."""
    with translation.override(language):
        context = mail_context(issue, language, request, unsubscribe, news_of(issue, language, request))
        return render_to_string("newsletter/mail/issue_content.html", context)


def message(issue, language, request, unsubscribe, news):
    """(subject, text, html) of the issue in ``language``."""
    with translation.override(language):
        context = mail_context(issue, language, request, unsubscribe, news)
        html = render_to_string("newsletter/mail/issue.html", context)
        text = render_to_string(
            "newsletter/mail/issue.txt",
            context | {"body": as_plain_text(issue.body), "news_text": as_plain_text(news)},
        )
        return issue.subject, text, html


def headers(unsubscribe):
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": LIST_ID,
    }


def send_test(issue, request):
    """The issue in each language to the member of staff asking, marked as a test; the
    unsubscribe link leads to the mailing list's page."""
    sample_link = request.build_absolute_uri(reverse("mailinglist:subscribe"))
    test = _("Test")  # in the sender's language, before each mail's own
    for language in codes():
        subject, text, html = message(
            issue, language, request, sample_link, news_of(issue, language, request)
        )
        mail.send(
            [request.user.email],
            settings.DEFAULT_FROM_EMAIL,
            subject=f"[{test} {language.upper()}] {subject}",
            message=text,
            html_message=html,
            headers=headers(sample_link),
            priority="now" if settings.POST_OFFICE["DEFAULT_PRIORITY"] == "now" else "high",
        )


@transaction.atomic
def send_to_subscribers(issue, request):
    """Queue the issue for every confirmed subscriber, once; the number of mails."""
    claimed = Issue.objects.filter(pk=issue.pk, sent_at__isnull=True).update(
        sent_at=timezone.now(), sent_by=request.user
    )
    if not claimed:
        raise AlreadySent
    issue.refresh_from_db()
    news = {language: latest_news(issue, language, request) for language in codes()}
    for language in codes():
        setattr(issue, f"news_{language}", news[language])
    # Each language's mail is written once; each subscriber's gets their own link.
    written = {language: message(issue, language, request, OWN_LINK, news[language]) for language in codes()}
    sent = 0
    batch = []
    for subscriber in Subscriber.objects.confirmed().order_by("pk").iterator(chunk_size=BATCH):
        language = subscriber.language if subscriber.language in written else settings.LANGUAGE_CODE
        unsubscribe = unsubscribe_url(request, subscriber)  # letters, digits, "/:-_": nothing to escape
        subject, text, html = written[language]
        batch.append(
            {
                "recipients": [subscriber.email],
                "sender": settings.DEFAULT_FROM_EMAIL,
                "subject": subject,
                "message": text.replace(OWN_LINK, unsubscribe),
                "html_message": html.replace(OWN_LINK, unsubscribe),
                "headers": headers(unsubscribe),
                "priority": "low",
            }
        )
        if len(batch) == BATCH:
            sent += len(mail.send_many(batch))
            batch = []
    sent += len(mail.send_many(batch))
    issue.recipients = sent
    issue.save(update_fields=[*(f"news_{language}" for language in codes()), "recipients"])
    return sent
