"""The mailing list's double opt-in: signed links, and the one confirmation e-mail.

Links carry the subscriber's random token (never the address), signed with the site's
key. A confirmation link expires after a week; an unsubscribe link does not, so that
every mail the association ever sent keeps working. Unsubscribing is a POST: a mail
scanner that follows the link only sees a page with one button.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .models import Subscriber

CONFIRM_SALT = "recs.mailinglist.subscriptions.confirm"
UNSUBSCRIBE_SALT = "recs.mailinglist.subscriptions.unsubscribe"
CONFIRMATION_VALID_FOR = datetime.timedelta(days=7)
# One address gets at most one confirmation e-mail in this time, however often it is entered.
CONFIRMATION_RESEND_AFTER = datetime.timedelta(hours=24)


def make_token(subscriber, salt):
    return signing.dumps(subscriber.token, salt=salt)


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a link belongs to, or None if the link is not valid (or has expired)."""
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(token=value).first() if isinstance(value, str) else None


def unsubscribe_url(request, subscriber):
    with translation.override(subscriber.language):
        path = reverse("mailinglist:unsubscribe", args=[make_token(subscriber, UNSUBSCRIBE_SALT)])
    return request.build_absolute_uri(path)


@transaction.atomic
def subscribe(request, email, language):
    """Record a subscription request; queue the confirmation e-mail when one is due.

    The request and its mail are saved together: neither exists without the other.
    """
    subscriber, _ = Subscriber.objects.get_or_create(email=email, defaults={"language": language})
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber  # nothing to confirm; the page says the same to everyone
    now = timezone.now()
    recently_sent = (
        subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < CONFIRMATION_RESEND_AFTER
    )
    subscriber.language = language
    subscriber.status = Subscriber.Status.PENDING
    if not recently_sent:
        send_confirmation(request, subscriber)
        subscriber.confirmation_sent_at = now
    subscriber.save()
    return subscriber


def send_confirmation(request, subscriber):
    with translation.override(subscriber.language):
        confirm = request.build_absolute_uri(
            reverse("mailinglist:subscription-confirm", args=[make_token(subscriber, CONFIRM_SALT)])
        )
        unsubscribe = unsubscribe_url(request, subscriber)
        context = {
            "confirm_url": confirm,
            "unsubscribe_url": unsubscribe,
            "days": CONFIRMATION_VALID_FOR.days,
        }
        subject = render_to_string("mailinglist/mail/confirm_subject.txt", context).strip()
        body = render_to_string("mailinglist/mail/confirm_body.txt", context)
    message = EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def confirm(token):
    subscriber = subscriber_from_token(token, CONFIRM_SALT, max_age=CONFIRMATION_VALID_FOR)
    if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return None
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


def subscriber_to_unsubscribe(token):
    """The subscriber an unsubscribe link belongs to, or None if the link is not valid."""
    return subscriber_from_token(token, UNSUBSCRIBE_SALT)


def unsubscribe(subscriber):
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber
