"""Fill the database with many realistic bilingual rows, for benchmarks and for trying the
site at scale: cities with their adhesion history, European peers, working groups by year,
events, outlets and press clippings (with an image referenced) linked to cities and events.

Bulk inserts in batches; running it again adds more (every slug carries the run's tag).
"""

import datetime
import io
import random
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify
from PIL import Image

from cities.models import NETWORK_FOUNDED, City, Region, Status, StatusChange
from events.models import Event, WorkingGroup
from pressreview.models import Article, Outlet
from recs.common import page_cache

PLACES = [
    "San Vito",
    "Monteverde",
    "Castelnuovo",
    "Villafranca",
    "Borgo Alto",
    "Roccabella",
    "Pietrasanta",
    "Fontanella",
    "Campobasso Nuova",
    "Valdimare",
    "Poggio Chiaro",
    "Torre Grande",
    "Santa Lucia",
    "Montefiore",
    "Acquaviva",
    "Lagonero",
    "Serravalle",
    "Colleverde",
    "Portorosso",
    "Ripalta",
]
#: Roughly the middle of each region (latitude, longitude): its generated cities are
#: placed around it, so that the maps look as they would with real cities.
REGION_MIDDLES = {
    "abruzzo": (42.2, 13.8),
    "basilicata": (40.5, 16.1),
    "calabria": (39.0, 16.4),
    "campania": (40.9, 14.8),
    "emilia-romagna": (44.5, 11.0),
    "friuli-venezia-giulia": (46.1, 13.1),
    "lazio": (41.9, 12.8),
    "liguria": (44.3, 8.7),
    "lombardia": (45.6, 9.8),
    "marche": (43.3, 13.1),
    "molise": (41.7, 14.6),
    "piemonte": (45.0, 7.9),
    "puglia": (41.0, 16.6),
    "sardegna": (40.1, 9.0),
    "sicilia": (37.5, 14.1),
    "toscana": (43.4, 11.1),
    "trentino-alto-adige": (46.4, 11.3),
    "umbria": (43.0, 12.5),
    "valle-d-aosta": (45.75, 7.4),
    "veneto": (45.6, 11.9),
}
#: How far from the middle of its region a generated city may be, in degrees.
REGION_SPREAD = (0.3, 0.4)
PEERS = [
    ("Lione", "Lyon", "FR", 45.76, 4.84),
    ("Bilbao", "Bilbao", "ES", 43.26, -2.93),
    ("Lipsia", "Leipzig", "DE", 51.34, 12.37),
    ("Rotterdam", "Rotterdam", "NL", 51.92, 4.48),
    ("Porto", "Porto", "PT", 41.15, -8.61),
    ("Cracovia", "Kraków", "PL", 50.06, 19.94),
]
THEMES = [
    ("Governance metropolitana", "Metropolitan governance"),
    ("Mobilità sostenibile", "Sustainable mobility"),
    ("Rigenerazione urbana", "Urban regeneration"),
    ("Cultura e turismo", "Culture and tourism"),
    ("Innovazione e lavoro", "Innovation and work"),
    ("Coesione sociale", "Social cohesion"),
]
OUTLETS = [
    "La Stampa",
    "Il Sole 24 Ore",
    "Corriere della Sera",
    "la Repubblica",
    "Il Messaggero",
    "Avvenire",
    "Il Resto del Carlino",
    "La Nazione",
    "Il Mattino",
    "Il Gazzettino",
    "ANSA",
    "Radio 24",
]
HEADLINES = [
    ("{city} presenta il nuovo piano strategico", "{city} presents its new strategic plan"),
    ("Le città strategiche si incontrano a {city}", "The strategic cities meet in {city}"),
    ("{city}: la visione al 2030 in assemblea", "{city}: the 2030 vision before the assembly"),
    ("Rete delle città strategiche, {city} aderisce", "Network of strategic cities: {city} joins"),
]


def bilingual(field, text_it, text_en, slug_suffix=""):
    """A translated field and the slugs made from it, written out as bulk inserts need them
    (bulk_create skips ``save()``, where slugs are usually filled in)."""
    slug_it, slug_en = (f"{slugify(text)[:100]}{slug_suffix}" for text in (text_it, text_en))
    return {field: text_it, f"{field}_it": text_it, f"{field}_en": text_en} | {
        "slug": slug_it,
        "slug_it": slug_it,
        "slug_en": slug_en,
    }


def link(through, pairs, batch):
    """Insert many-to-many links, given as (left, right) keyword dicts."""
    through.objects.bulk_create((through(**pair) for pair in pairs), batch_size=batch, ignore_conflicts=True)


def random_day(rng, first=NETWORK_FOUNDED, last=None):
    last = last or datetime.date.today()
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


class Command(BaseCommand):
    help = __doc__.strip().splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--cities", type=int, default=2000)
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--events", type=int, default=5000)
        parser.add_argument(
            "--seed", type=int, default=2026, help="Of the random choices, for repeatable data."
        )
        parser.add_argument("--batch", type=int, default=5000)

    def handle(self, *args, cities, articles, events, seed, batch, **options):
        rng = random.Random(seed)
        tag = secrets.token_hex(3)
        with transaction.atomic():
            network, peers = self.make_cities(rng, tag, cities, batch)
            groups = self.make_groups(rng, tag, network, batch)
            made_events = self.make_events(rng, tag, network, groups, events, batch)
            self.make_articles(rng, tag, network, made_events, articles, batch)
        page_cache.invalidate()  # bulk inserts send no signals
        self.stdout.write(
            f"Added {len(network)} network cities, {len(peers)} peer cities, {len(groups)} working groups, "
            f"{len(made_events)} events and {articles} articles (tag {tag})."
        )

    def make_cities(self, rng, tag, count, batch):
        regions = list(Region.values)
        rows = []
        for n in range(count):
            peer = n % 10 == 9  # one in ten is a European peer
            if peer:
                base_it, base_en, country, latitude, longitude = PEERS[n % len(PEERS)]
                region, spread = "", (0.05, 0.05)
            else:
                base_it = base_en = PLACES[n % len(PLACES)]
                country, region, spread = "IT", rng.choice(regions), REGION_SPREAD
                latitude, longitude = REGION_MIDDLES[region]
            name_it, name_en = f"{base_it} {tag}-{n}", f"{base_en} {tag}-{n}"
            rows.append(
                City(
                    **bilingual("name", name_it, name_en),
                    role=City.Role.PEER if peer else City.Role.MEMBER,
                    country=country,
                    region=region,
                    population=rng.randrange(20_000, 2_000_000),
                    latitude=round(latitude + rng.uniform(-spread[0], spread[0]), 5),
                    longitude=round(longitude + rng.uniform(-spread[1], spread[1]), 5),
                    description_it=f"{name_it} è una città della rete.",
                    description_en=f"{name_en} is a network city.",
                )
            )
        made = City.objects.bulk_create(rows, batch_size=batch)
        network = [city for city in made if city.role == City.Role.MEMBER]
        history = []
        for city in network:
            joined = random_day(rng, last=datetime.date(2020, 12, 31))
            history.append(
                StatusChange(
                    city=city,
                    status=Status.APPLICANT,
                    effective_date=joined,
                    recorded_by_name="generate_data",
                )
            )
            admitted = joined + datetime.timedelta(days=rng.randrange(30, 700))
            if admitted <= datetime.date.today():
                history.append(
                    StatusChange(
                        city=city,
                        status=Status.MEMBER,
                        previous_status=Status.APPLICANT,
                        effective_date=admitted,
                        recorded_by_name="generate_data",
                    )
                )
                left = admitted + datetime.timedelta(days=rng.randrange(365, 4000))
                if rng.random() < 0.1 and left <= datetime.date.today():
                    history.append(
                        StatusChange(
                            city=city,
                            status=Status.WITHDRAWN,
                            previous_status=Status.MEMBER,
                            effective_date=left,
                            recorded_by_name="generate_data",
                        )
                    )
        StatusChange.objects.bulk_create(history, batch_size=batch)
        City.objects.filter(
            pk__in=[city.pk for city in made]
        ).refresh_statuses()  # bulk_create skipped save()
        return network, [city for city in made if city.role == City.Role.PEER]

    def make_groups(self, rng, tag, network, batch):
        rows = []
        for year in range(NETWORK_FOUNDED.year, datetime.date.today().year + 1):
            for theme_it, theme_en in THEMES:
                name_it, name_en = f"{theme_it} {tag}", f"{theme_en} {tag}"
                rows.append(
                    WorkingGroup(
                        **bilingual("name", name_it, name_en, slug_suffix=f"-{year}"),
                        year=year,
                        coordinating_city=rng.choice(network) if network else None,
                    )
                )
        groups = WorkingGroup.objects.bulk_create(rows, batch_size=batch)
        if network:
            link(
                WorkingGroup.member_cities.through,
                (
                    {"workinggroup": group, "city": city}
                    for group in groups
                    for city in rng.sample(network, min(5, len(network)))
                ),
                batch,
            )
        return groups

    def make_events(self, rng, tag, network, groups, count, batch):
        kinds = list(Event.Kind.values)
        rows = []
        for n in range(count):
            day = random_day(rng, last=datetime.date.today() + datetime.timedelta(days=365))
            group = rng.choice(groups) if groups and rng.random() < 0.6 else None
            host = rng.choice(network) if network else None
            title_it = f"Incontro della rete a {host.name_it if host else 'Roma'} ({n})"
            title_en = f"Network meeting in {host.name_en if host else 'Rome'} ({n})"
            rows.append(
                Event(
                    **bilingual("title", title_it, title_en, slug_suffix=f"-{tag}"),
                    kind=rng.choice(kinds),
                    start_date=day,
                    host_city=host,
                    working_group=group,
                    venue_it="Sala del consiglio",
                    description_it="Ordine del giorno e materiali.",
                    description_en="Agenda and papers.",
                    is_published=rng.random() < 0.95,
                )
            )
        return Event.objects.bulk_create(rows, batch_size=batch)

    def make_articles(self, rng, tag, network, events, count, batch):
        outlets = Outlet.objects.bulk_create(
            [Outlet(name=f"{name} {tag}", slug=slugify(f"{name} {tag}")) for name in OUTLETS],
            batch_size=batch,
        )
        image = self.sample_clipping(tag)
        for start in range(0, count, batch):
            rows = []
            for n in range(start, min(start + batch, count)):
                city = rng.choice(network) if network else None
                pattern_it, pattern_en = rng.choice(HEADLINES)
                headline_it = pattern_it.format(city=city.name_it if city else "Torino") + f" ({n})"
                headline_en = pattern_en.format(city=city.name_en if city else "Turin") + f" ({n})"
                rows.append(
                    Article(
                        **bilingual("headline", headline_it, headline_en, slug_suffix=f"-{tag}"),
                        outlet=rng.choice(outlets),
                        published_on=random_day(rng),
                        author="Redazione",
                        summary_it="Il piano strategico della città e la rete.",
                        summary_en="The city's strategic plan and the network.",
                        clipping_image=image if n % 4 == 0 else "",
                        original_url=f"https://news.example.org/{tag}/{n}",
                        is_published=rng.random() < 0.97,
                    )
                )
            made = Article.objects.bulk_create(rows, batch_size=batch)
            if network:
                link(
                    Article.cities.through,
                    (
                        {"article": article, "city": city}
                        for article in made
                        for city in rng.sample(network, min(2, len(network)))
                    ),
                    batch,
                )
            if events:
                link(
                    Article.events.through,
                    (
                        {"article": article, "event": rng.choice(events)}
                        for article in made
                        if rng.random() < 0.2
                    ),
                    batch,
                )

    def sample_clipping(self, tag):
        """One real image, referenced by a quarter of the articles (as scanned clippings are)."""
        buffer = io.BytesIO()
        Image.new("RGB", (1200, 1600), "#f4f1e8").save(buffer, "JPEG", quality=80)
        return default_storage.save(
            f"press/images/generated/clipping-{tag}.jpg", ContentFile(buffer.getvalue())
        )
