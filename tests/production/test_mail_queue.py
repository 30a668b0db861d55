"""Mail waits in a queue in the database: an outage of the mail server loses nothing."""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from post_office.models import STATUS, Email

from cities.models import City, Status
from cities.workflow import record_status_change
from recs.roles import COORDINATORS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Mailbox:
    """An SMTP server on loopback that keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


def unused_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(settings):
    """Production's set-up: the queue in front, SMTP behind it, on a port where nothing listens yet."""
    port = unused_port()
    settings.POST_OFFICE = settings.POST_OFFICE | {
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "DEFAULT_PRIORITY": "medium",
        # Due again at once, so that the test need not wait for the retry interval.
        "RETRY_INTERVAL": datetime.timedelta(0),
    }
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    return port


def deliver():
    call_command("run_mail_worker", "--once")


def test_a_status_change_and_a_subscription_succeed_while_the_mail_server_is_down(client, seeded, smtp_port):
    coordinator = UserFactory(role=COORDINATORS)
    client.force_login(coordinator)
    url = reverse("admin:cities_statuschange_record")
    catania = City.objects.get(name_it="Catania")
    opened_at = client.get(url, {"cities": catania.pk}).context["form"]["opened_at"].value()
    recorded = client.post(
        url,
        {"cities": [catania.pk], "status": "member", "effective_date": "2007-03-01", "opened_at": opened_at},
        follow=True,
    )
    assert "Cambio di stato registrato" in recorded.text
    subscribed = client.post(
        "/it/mailing-list/", {"email": "lettrice@example.org", "language": "it", "consent": "on"}
    )
    assert subscribed.status_code == 200
    assert "Controlla la tua casella" in subscribed.text

    # Nothing could be sent: both mails wait in the queue, with the error of the attempt.
    deliver()
    waiting = Email.objects.order_by("id")
    assert [mail.status for mail in waiting] == [STATUS.requeued, STATUS.requeued]
    assert [mail.to for mail in waiting] == [[django_settings.RECS_OFFICE_EMAIL], ["lettrice@example.org"]]
    assert all("Connection refused" in mail.logs.get().message for mail in waiting)

    # The mail server is back: the next pass delivers both, once.
    mailbox = Mailbox()
    server = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    server.start()
    try:
        deliver()
        deliver()
    finally:
        server.stop()
    assert [mail.status for mail in Email.objects.order_by("id")] == [STATUS.sent, STATUS.sent]
    # Sent side by side: their order of arrival may vary.
    office, confirmation = sorted(
        mailbox.messages, key=lambda message: message.rcpt_tos != [django_settings.RECS_OFFICE_EMAIL]
    )
    assert office.rcpt_tos == [django_settings.RECS_OFFICE_EMAIL]
    assert "Catania" in office.content.decode()
    assert confirmation.rcpt_tos == ["lettrice@example.org"]
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click" in confirmation.content


def test_a_change_that_is_not_saved_sends_no_mail(seeded, smtp_port):
    catania = City.objects.get(name_it="Catania")
    with pytest.raises(RuntimeError), transaction.atomic():
        record_status_change(
            [catania],
            status=Status.MEMBER,
            effective_date=datetime.date(2007, 3, 1),
            user=UserFactory(),
            opened_at=timezone.now(),
        )
        assert Email.objects.count() == 1
        raise RuntimeError("the surrounding transaction fails")
    assert Email.objects.count() == 0


def test_mail_goes_out_within_two_minutes_of_the_server_coming_back():
    # Worst case: a retry was just scheduled, and the worker has just made its pass.
    longest_wait = django_settings.POST_OFFICE["RETRY_INTERVAL"] + django_settings.MAIL_WORKER_INTERVAL
    assert longest_wait <= datetime.timedelta(minutes=2)
    # And retries go on for a day before a mail is marked failed (the admin can requeue it).
    retries_for = django_settings.POST_OFFICE["RETRY_INTERVAL"] * django_settings.POST_OFFICE["MAX_RETRIES"]
    assert retries_for >= datetime.timedelta(hours=24)


def test_staff_see_the_queue_and_its_failures(client, superuser, smtp_port):
    from django.core.mail import send_mail

    send_mail("Prova", "Testo", None, ["ufficio@example.org"])
    deliver()
    client.force_login(superuser)
    queue = client.get(reverse("admin:post_office_email_changelist"), {"status__exact": STATUS.requeued})
    assert "ufficio@example.org" in queue.text
    mail = Email.objects.get()
    detail = client.get(reverse("admin:post_office_email_change", args=[mail.pk]))
    assert "Connection refused" in detail.text
