from django.core.management.base import BaseCommand

from recs.common import page_cache
from recs.site.seed.loader import load


class Command(BaseCommand):
    help = (
        "Load the site's initial content (the network's page of 11 May 2006). "
        "Safe to run again: what already exists is left as it is."
    )

    def handle(self, *args, **options):
        report = load()
        page_cache.invalidate()
        for line in report.lines():
            self.stdout.write(line)
