import base64
import csv
import datetime
import io
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from recs.mailinglist.models import Subscriber

pytestmark = pytest.mark.django_db


def subscribe(
    client,
    email="lettore@example.org",
    language="en",
    url="/en/mailing-list/",
    consent="on",
    headers_address=None,
):
    extra = {"REMOTE_ADDR": headers_address} if headers_address else {}
    return client.post(url, {"email": email, "language": language, "consent": consent}, **extra)


def links(message):
    return re.findall(r"http://testserver(/\S+)", message.body)


def test_double_opt_in_end_to_end(client):
    response = subscribe(client)
    assert response.status_code == 200
    assert "Check your mailbox" in response.text
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.language, subscriber.status) == (
        "lettore@example.org",
        "en",
        "pending",
    )

    [message] = mail.outbox
    assert message.to == ["lettore@example.org"]
    assert message.subject == "Confirm your subscription to the RECS mailing list"
    confirm_path, unsubscribe_path = links(message)
    assert confirm_path.startswith("/en/mailing-list/confirm/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_path}>"
    # The links carry a random token, never the address (not even encoded).
    for path in (confirm_path, unsubscribe_path):
        token = path.rstrip("/").rsplit("/", 1)[1]
        decoded = base64.urlsafe_b64decode(token.split(":")[0] + "==").decode(errors="replace")
        assert "lettore" not in path and "lettore" not in decoded

    assert "Subscription confirmed" in client.get(confirm_path).text
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at
    assert list(Subscriber.objects.confirmed()) == [subscriber]

    # The link shows one button (a mail scanner following it changes nothing); pressing it unsubscribes.
    page = client.get(unsubscribe_path)
    assert "Leave the mailing list" in page.text and '<form method="post">' in page.text
    assert Subscriber.objects.get().status == "confirmed"
    assert "You have been unsubscribed" in client.post(unsubscribe_path).text
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert not Subscriber.objects.confirmed().exists()
    # An old confirmation link does not bring the address back.
    assert client.get(confirm_path).status_code == 404


def test_mails_come_in_the_chosen_language(client):
    subscribe(client, language="it", url="/en/mailing-list/")
    [message] = mail.outbox
    assert message.subject == "Conferma l'iscrizione alla mailing list RECS"
    assert "/it/mailing-list/conferma/" in message.body


def test_rfc8058_one_click_post(client):
    subscribe(client)
    _, unsubscribe_path = links(mail.outbox[0])
    response = client.post(unsubscribe_path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"


def test_unconfirmed_address_gets_nothing_more(client):
    subscribe(client)
    subscribe(client)
    subscribe(client, email="LETTORE@example.org")
    assert len(mail.outbox) == 1
    assert Subscriber.objects.count() == 1
    # A day later (the day's rate limits are over too) a new request may send one new confirmation.
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(days=2))
    cache.clear()
    subscribe(client)
    assert len(mail.outbox) == 2


def test_confirmed_address_is_not_written_to_again(client):
    subscribe(client)
    client.get(links(mail.outbox[0])[0])
    response = subscribe(client)
    assert "Check your mailbox" in response.text  # the same answer for everyone
    assert len(mail.outbox) == 1


def test_form_errors_say_what_to_fix(client):
    response = subscribe(client, email="not-an-address", consent="")
    assert response.status_code == 200
    assert "Enter a valid email address." in response.text
    assert "This field is required." in response.text
    assert not Subscriber.objects.exists() and not mail.outbox
    italian = subscribe(client, email="", url="/it/mailing-list/")
    assert "Questo campo è obbligatorio." in italian.text


@pytest.mark.parametrize("token", ["garbage", "a" * 300, "lettore@example.org"])
def test_bad_links_get_a_clear_404(client, token):
    subscribe(client)
    for name in ["mailinglist:subscription-confirm", "mailinglist:unsubscribe"]:
        response = client.get(reverse(name, args=[token]))
        assert response.status_code == 404
        assert (
            "This link is not valid" in response.text or "Questo collegamento non è valido" in response.text
        )
    assert Subscriber.objects.get().status == "pending"


def test_expired_confirmation_link(client, monkeypatch):
    subscribe(client)
    confirm_path = links(mail.outbox[0])[0]
    later = timezone.now() + datetime.timedelta(days=8)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    assert client.get(confirm_path).status_code == 404
    assert Subscriber.objects.get().status == "pending"


def test_staff_export_subscribers(client, superuser):
    Subscriber.objects.create(email="uno@example.org", status="confirmed", language="it")
    Subscriber.objects.create(email="=cmd|' /C calc'!A0@example.org", status="pending")
    client.force_login(superuser)
    changelist = reverse("admin:mailinglist_subscriber_changelist")
    assert "uno@example.org" in client.get(changelist, {"status__exact": "confirmed"}).text
    response = client.post(
        changelist,
        {"action": "export_csv", "_selected_action": list(Subscriber.objects.values_list("pk", flat=True))},
    )
    assert response["content-type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["email", "language", "status"]
    emails = {row[0] for row in rows[1:]}
    assert emails == {"uno@example.org", "'=cmd|' /C calc'!A0@example.org"}


def test_one_client_cannot_mail_many_addresses(client):
    # 30 subscriptions for distinct addresses from one connection: a few mails at most.
    statuses = [
        subscribe(client, email=f"vittima{n}@example.org", language="it", url="/it/mailing-list/").status_code
        for n in range(30)
    ]
    assert statuses.count(200) == 5 and set(statuses[5:]) == {429}
    assert len(mail.outbox) == 5
    limited = subscribe(client, email="altra@example.org")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "3600"
    assert "Please try again in 60 minutes" in limited.text
    assert Subscriber.objects.count() == 5


def test_one_mailbox_cannot_be_flooded_through_sub_addresses(client):
    for n, address in enumerate(["Lettrice+1@Example.org", "lettrice+2@example.org", "LETTRICE@example.org"]):
        assert subscribe(client, email=address, headers_address=f"192.0.2.{n}").status_code == 200
    assert subscribe(client, email="lettrice+4@example.org", headers_address="192.0.2.9").status_code == 429


def test_search_is_limited_per_client(client, settings):
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"search": (3, 60)}
    assert [client.get("/it/cerca/", {"q": "torino"}).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert client.get("/en/search/", {"q": "turin"}).status_code == 429
    assert client.get("/it/cerca/").status_code == 200  # the empty form is not a search
