import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections
from post_office.lockfile import FileLock, FileLocked, default_lockfile
from post_office.mail import get_queued, send_queued

logger = logging.getLogger("recs.mail_worker")


def deliver_due_mail():
    """Send every queued message that is due; a failed one is retried later.

    django-post-office requeues a message that could not be delivered for
    ``RETRY_INTERVAL``, up to ``MAX_RETRIES`` times, then marks it failed (the admin
    shows it, with every attempt's error, and can requeue it).
    """
    try:
        with FileLock(default_lockfile):
            # A pass takes one batch (POST_OFFICE BATCH_SIZE); go on while mail goes out.
            while True:
                sent, _failed, _requeued = send_queued(processes=1)
                if not sent or not get_queued().exists():
                    return
    except FileLocked:
        logger.info("Another mail worker holds the queue; skipping this pass.")


class Command(BaseCommand):
    help = (
        "Deliver the mail queue: every few seconds (MAIL_WORKER_INTERVAL) send the messages "
        "that are due. Runs until stopped (SIGTERM or Ctrl-C); --once makes a single pass."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Make one pass over the queue and stop.")

    def handle(self, *args, once, **options):
        stopping = threading.Event()
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stopping.set())
            logger.info("Mail worker started.")
        interval = settings.MAIL_WORKER_INTERVAL.total_seconds()
        while True:
            try:
                deliver_due_mail()
            except Exception:
                # The database may be down: say so and try again on the next pass.
                logger.exception("Mail worker: this pass failed; trying again in %s s.", interval)
                connections.close_all()
            if once or stopping.wait(interval):
                break
        if not once:
            logger.info("Mail worker stopped.")
