import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from cities.models import City, Status, StatusChange
from cities.workflow import record_status_change
from events.models import Event
from recs.pages.models import Contact, Page
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PROMOTERS = [
    "Firenze",
    "La Spezia",
    "Pesaro",
    "Torino",
    "Trento",
    "Venezia",
    "Verona",
    "Perugia",
    "Piacenza",
    "Varese",
]
MEMBERS = ["Barletta", "Bolzano", "Carbonia", "Caserta", "Associazione dei Comuni del Copparese", "Jesi"]
APPLICANTS = ["Catania", "Cesena", "Cuneo", "Spoleto"]


def run_load_seed():
    out = StringIO()
    call_command("load_seed", stdout=out)
    return out.getvalue()


def statuses():
    return {city.name_it: city.current_status for city in City.objects.members().with_status()}


def test_every_network_city_once_with_its_status():
    run_load_seed()
    expected = (
        {name: Status.PROMOTER for name in PROMOTERS}
        | {name: Status.MEMBER for name in MEMBERS}
        | {name: Status.APPLICANT for name in APPLICANTS}
    )
    assert statuses() == expected
    assert City.objects.members().count() == 20
    assert StatusChange.objects.count() == 20  # one change per city, conflicts are notes


def test_dates_the_statuses_are_known_from():
    run_load_seed()
    torino = StatusChange.objects.get(city__name_it="Torino")
    assert torino.effective_date == datetime.date(2004, 7, 29)
    assert "atto costitutivo" in torino.reference_it.lower()
    assert "deed of constitution" in torino.reference_en.lower()
    jesi = StatusChange.objects.get(city__name_it="Jesi")
    assert jesi.effective_date == datetime.date(2006, 5, 11)
    assert "no exact date" in jesi.note_en


def test_cities_in_their_real_region_with_both_names():
    run_load_seed()
    assert City.objects.filter(name_it="Torino", name_en="Turin", region="piemonte", province="TO").exists()
    assert City.objects.filter(name_it="Bolzano", region="trentino-alto-adige").exists()
    copparese = City.objects.get(name_it="Associazione dei Comuni del Copparese")
    assert (copparese.kind, copparese.region, copparese.province) == ("association", "emilia-romagna", "FE")
    with translation.override("en"):
        assert City.objects.get(slug="turin").name == "Turin"
        assert City.objects.get(slug="venice").name == "Venice"


def test_typos_are_corrected_and_reported():
    report = run_load_seed()
    names = set(City.objects.values_list("name_it", flat=True))
    assert {"Bolzano", "Cesena", "L'Aia", "Barcellona", "Berlino", "Monaco di Baviera"} <= names
    assert not names & {"Blzano", "CEsena", "Aja", "Barcelona Berlino", "Monaco"}
    assert "“Blzano” → Bolzano" in report
    assert "“CEsena” → Cesena" in report
    assert "“Barcelona Berlino” → Barcellona, Berlino" in report
    assert "“Monaco” → Monaco di Baviera" in report
    assert "mis-encoded apostrophe" in report


def test_european_peer_cities_by_country():
    run_load_seed()
    peers = City.objects.peers()
    assert peers.count() == 20
    assert set(peers.filter(country="GB").values_list("name_en", flat=True)) == {
        "Birmingham",
        "Edinburgh",
        "Glasgow",
        "Manchester",
    }
    munich = peers.get(name_en="Munich")
    assert (munich.name_it, munich.country.code, munich.region) == ("Monaco di Baviera", "DE", "")
    assert peers.get(name_en="The Hague").country.code == "NL"
    assert not StatusChange.objects.filter(city__role=City.Role.PEER).exists()


@pytest.mark.parametrize(
    "city, other_list", [("Perugia", "joined"), ("Piacenza", "in progress"), ("Varese", "in progress")]
)
def test_a_promoter_named_again_stays_promoter_with_a_note(city, other_list):
    report = run_load_seed()
    change = StatusChange.objects.get(city__name_it=city)
    assert change.status == Status.PROMOTER
    assert "To be reviewed" in change.note_en
    assert other_list in change.note_en
    assert "Da verificare" in change.note_it
    assert f"{city}: named among the cities of the Promoting Group and again" in report


def test_association_pages_contacts_and_events():
    run_load_seed()
    assert list(Page.objects.association().values_list("slug_it", "slug_en")) == [
        ("chi-siamo", "who-we-are"),
        ("finalita", "aims"),
        ("storia", "history"),
    ]
    # The footer's pages: drafts written for the site, one of each role.
    assert sorted(Page.objects.small_print().values_list("role", "slug_en")) == [
        ("accessibility", "accessibility-statement"),
        ("legal", "legal-notes"),
        ("privacy", "privacy-notice"),
    ]
    history = Page.objects.get(slug_it="storia")
    assert "16 ottobre 2003" in history.body_it and "16 October 2003" in history.body_en
    assert "29 luglio 2004" in history.body_it and "3 December 2004" in history.body_en
    aims = Page.objects.get(slug_it="finalita")
    assert "Osservatorio Internazionale" in aims.body_it
    assert "‚Äô" not in "".join(Page.objects.values_list("body_it", flat=True))

    office = Contact.objects.get(email="info@recs.it")
    assert (office.phone, office.address) == ("055 2670517", "Piazza Brunelleschi 11, Firenze")
    assert Contact.objects.filter(name_it="Elisa Rosso", email="e.rosso@torino-internazionale.org").exists()

    events = {event.start_date: event for event in Event.objects.all()}
    assert set(events) == {
        datetime.date(2003, 10, 16),
        datetime.date(2004, 7, 29),
        datetime.date(2004, 12, 3),
    }
    assembly = events[datetime.date(2004, 12, 3)]
    assert (assembly.kind, assembly.host_city.name_it, assembly.is_published) == (
        "assembly",
        "La Spezia",
        True,
    )
    assert assembly.title_en == "First national assembly of the Network"


def test_nothing_is_invented():
    """What the 2006 page does not say stays empty, except places and populations, which
    come from the offline gazetteer (GeoNames), never made up."""
    from cities import gazetteer

    run_load_seed()
    for city in City.objects.exclude(kind=City.Kind.ASSOCIATION):
        [place, *_homonyms] = gazetteer.places_named(city.name_it, city.name_en, country=city.country.code)
        assert (float(city.latitude), float(city.longitude)) == (
            round(place.latitude, 5),
            round(place.longitude, 5),
        )
        assert city.population == place.population
    copparese = City.objects.get(kind=City.Kind.ASSOCIATION)
    assert (copparese.latitude, copparese.population) == (None, None)  # an association is no single place
    assert not City.objects.exclude(website="").exists()
    assert set(Event.objects.values_list("venue_it", flat=True)) <= {"", None}
    assert not Event.objects.exclude(start_time=None).exists()


def test_running_twice_changes_nothing():
    run_load_seed()
    counts = [model.objects.count() for model in (City, StatusChange, Page, Contact, Event)]
    snapshot = list(StatusChange.objects.values())
    second = run_load_seed()
    assert [model.objects.count() for model in (City, StatusChange, Page, Contact, Event)] == counts
    assert list(StatusChange.objects.values()) == snapshot
    assert "network cities: 0 created, 20 already present" in second


def test_never_overwrites_what_staff_edited():
    run_load_seed()
    City.objects.filter(name_it="Torino").update(description_it="Descrizione scritta dalla redazione.")
    Page.objects.filter(slug_it="storia").update(title_it="La nostra storia")
    perugia = City.objects.get(name_it="Perugia")
    record_status_change(
        [perugia],
        status=Status.WITHDRAWN,
        effective_date=datetime.date(2010, 1, 1),
        user=UserFactory(),
        opened_at=timezone.now(),
    )
    run_load_seed()
    assert City.objects.get(name_it="Torino").description_it == "Descrizione scritta dalla redazione."
    assert Page.objects.get(slug_it="storia").title_it == "La nostra storia"
    assert list(perugia.status_changes.values_list("status", flat=True)) == [
        Status.PROMOTER,
        Status.WITHDRAWN,
    ]


def test_seed_content_is_valid():
    run_load_seed()
    for model in (City, StatusChange, Page, Contact, Event):
        for obj in model.objects.all():
            obj.full_clean()
