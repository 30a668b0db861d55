"""Loads the network's 2006 page (``network_2006``) into the database.

Objects are found by their Italian slug (or name, for contacts): what already
exists is left exactly as it is, so running the loader again changes nothing and
never overwrites what staff have edited since.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone, translation

from cities import gazetteer
from cities.models import City, Status
from cities.workflow import record_status_change
from events.models import Event
from recs.pages.models import Contact, Page

from . import network_2006 as seed
from . import small_print

RECORDED_BY = "load_seed"


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    corrections: list = field(default_factory=list)
    located: list = field(default_factory=list)
    not_located: list = field(default_factory=list)

    def count(self, kind, created):
        (self.created if created else self.unchanged)[kind] += 1

    def lines(self):
        yield f"Source: {seed.SOURCE_EN}"
        kinds = sorted(set(self.created) | set(self.unchanged))
        for kind in kinds:
            yield f"  {kind}: {self.created[kind]} created, {self.unchanged[kind]} already present (left as they are)"
        yield "Corrections:"
        for line in self.corrections:
            yield f"  - {line}"
        for line in seed.TEXT_CORRECTIONS:
            yield f"  - text: {line}"
        yield "Not loaded, the page gives no content for them: " + ", ".join(
            f"“{heading}”" for heading in seed.AGENDA_HEADINGS_WITHOUT_CONTENT
        )
        if self.located:
            yield f"Coordinates and population from {gazetteer.ATTRIBUTION}: {', '.join(self.located)}"
        if self.not_located:
            yield f"Not in the gazetteer, to be placed by hand: {', '.join(self.not_located)}"


def split_names(as_written):
    """'Torino, Trento e Varese' -> ['Torino', 'Trento', 'Varese']."""
    return [name.strip() for name in re.split(r",\s*|\s+e\s+", as_written) if name.strip()]


class NameResolver:
    """Turns a name as the page wrote it into the keys of the cities it means."""

    def __init__(self, report):
        self.report = report
        self.keys_by_name = {row[1]: row[0] for row in seed.NETWORK_CITIES + seed.PEER_CITIES}
        self.names_by_key = {key: name for name, key in self.keys_by_name.items()}
        self.reported = set()

    def __call__(self, written):
        if written in self.keys_by_name:
            return [self.keys_by_name[written]]
        keys, why = seed.CORRECTED_NAMES[written]
        if written not in self.reported:
            self.reported.add(written)
            names = ", ".join(self.names_by_key[key] for key in keys)
            self.report.corrections.append(f"“{written}” → {names} ({why})")
        return keys


def status_label(status, language):
    with translation.override(language):
        return str(Status(status).label)


def load():
    """Load the seed content; returns a Report of what was done and corrected."""
    report = Report()
    resolve = NameResolver(report)
    with transaction.atomic():
        cities = load_cities(report)
        locate(report, cities)
        load_statuses(report, resolve, cities)
        for written in split_names(seed.PEERS_AS_WRITTEN):
            resolve(written)  # the peers were written with slips too: report them
        load_pages(report)
        load_small_print(report)
        load_contacts(report)
        load_events(report, cities)
    return report


def load_cities(report):
    cities = {}
    for key, name_it, name_en, kind, region, province in seed.NETWORK_CITIES:
        cities[key], created = City.objects.get_or_create(
            slug_it=key,
            defaults={
                "name_it": name_it,
                "name_en": name_en,
                "role": City.Role.MEMBER,
                "kind": kind,
                "country": "IT",
                "region": region,
                "province": province,
            },
        )
        report.count("network cities", created)
    for key, name_it, name_en, country in seed.PEER_CITIES:
        cities[key], created = City.objects.get_or_create(
            slug_it=key,
            defaults={
                "name_it": name_it,
                "name_en": name_en,
                "role": City.Role.PEER,
                "kind": City.Kind.MUNICIPALITY,
                "country": country,
            },
        )
        report.count("European peer cities", created)
    return cities


def locate(report, cities):
    """Coordinates and population from the offline gazetteer (GeoNames) for the cities
    that have none: the 2006 page gives neither. An association of municipalities is
    no single place and stays without."""
    for city in cities.values():
        if city.kind == City.Kind.ASSOCIATION or (city.latitude is not None and city.population):
            continue
        place = gazetteer.fill_in(city)
        if place is None:
            report.not_located.append(city.name_it)
            continue
        city.save(update_fields=["latitude", "longitude", "population"])
        report.located.append(
            f"{city.name_it} ({place.name})" if place.name != city.name_it else city.name_it
        )


def load_statuses(report, resolve, cities):
    """One status change per city, from the first list that names it.

    The page lists the promoters first, then the later adhesions. A city named again
    in a later list keeps its first status; the other mention is written into the
    note of its status change so that a coordinator can review it.
    """
    first_mention = {}
    other_mentions = defaultdict(list)
    for mention in seed.STATUS_MENTIONS:
        for written in split_names(mention["as_written"]):
            for key in resolve(written):
                if key in first_mention:
                    other_mentions[key].append(mention)
                else:
                    first_mention[key] = mention

    for key, mention in first_mention.items():
        city = cities[key]
        kept_it = status_label(mention["status"], "it")
        kept_en = status_label(mention["status"], "en")
        note_it = [mention["note_it"]]
        note_en = [mention["note_en"]]
        for other in other_mentions[key]:
            note_it.append(
                f"La stessa pagina la nomina anche {other['context_it']}: resta «{kept_it}», "
                "come nella prima menzione. Da verificare."
            )
            note_en.append(
                f"The same page also names it {other['context_en']}: kept as “{kept_en}”, "
                "as first mentioned. To be reviewed."
            )
            report.corrections.append(
                f"{city.name_it}: named {mention['context_en']} and again {other['context_en']}; "
                f"kept as {kept_en}, the other mention noted on its status history"
            )
        created = not city.status_changes.exists()
        if created:
            # Through the workflow, with its rules, like any other recording.
            record_status_change(
                [city],
                status=mention["status"],
                effective_date=mention["date"],
                user=None,
                recorded_by_name=RECORDED_BY,
                opened_at=timezone.now(),
                reference_it=mention["reference_it"],
                reference_en=mention["reference_en"],
                note_it="\n".join(note_it),
                note_en="\n".join(note_en),
                notify=False,
            )
        report.count("status changes", created)


def load_pages(report):
    for page in seed.PAGES:
        fields = dict(page, is_published=True)
        _, created = Page.objects.get_or_create(slug_it=fields.pop("slug_it"), defaults=fields)
        report.count("pages", created)


def load_small_print(report):
    """The footer's pages (drafts written for the site, not from the 2006 page): one of
    each role, left as it is once there."""
    for page in small_print.PAGES:
        fields = dict(page, is_published=True)
        _, created = Page.objects.get_or_create(role=fields.pop("role"), defaults=fields)
        report.count("footer pages (privacy, accessibility, legal notes: drafts to review)", created)


def load_contacts(report):
    for contact in seed.CONTACTS:
        fields = dict(contact)
        _, created = Contact.objects.get_or_create(name_it=fields.pop("name_it"), defaults=fields)
        report.count("contacts", created)


def load_events(report, cities):
    for event in seed.EVENTS:
        fields = dict(event)
        host = fields.pop("host_city")
        fields["host_city"] = cities[host] if host else None
        fields["is_published"] = True
        _, created = Event.objects.get_or_create(slug_it=fields.pop("slug_it"), defaults=fields)
        report.count("events", created)
