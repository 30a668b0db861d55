"""`manage.py generate_data`: many realistic rows, valid, for benchmarks and trying the site at scale."""

import pytest
from django.core.management import call_command

from cities.models import City, Region, Status, StatusChange
from events.models import Event, WorkingGroup
from pressreview.models import Article
from recs.site.management.commands.generate_data import PEERS, REGION_MIDDLES, REGION_SPREAD

pytestmark = pytest.mark.django_db


def test_generated_data_is_valid_and_every_list_page_shows_it(client):
    call_command("generate_data", cities=40, articles=300, events=60, verbosity=0)
    call_command("generate_data", cities=10, articles=20, events=5, verbosity=0)  # again: it adds
    assert City.objects.members().count() == 45 and City.objects.peers().count() == 5
    assert Article.objects.count() == 320 and Event.objects.count() == 65
    assert WorkingGroup.objects.exists()
    # Every row passes the rules staff would have to follow.
    for model in (City, Event, Article, WorkingGroup):
        for obj in model.objects.all()[:50]:
            obj.full_clean()
    # Each history follows the allowed steps, in date order.
    for city in City.objects.members()[:50]:
        before = None
        for change in city.status_changes.order_by("effective_date", "pk"):
            assert change.status in Status.allowed_after(before) and change.previous_status == (before or "")
            before = Status(change.status)
    assert not StatusChange.objects.filter(city__role=City.Role.PEER).exists()
    # Each city is in its region (or near its peer city), as the maps would show real ones.
    assert set(REGION_MIDDLES) == set(Region.values)
    for city in City.objects.members():
        middle = REGION_MIDDLES[city.region]
        assert abs(float(city.latitude) - middle[0]) <= REGION_SPREAD[0] + 1e-4, city
        assert abs(float(city.longitude) - middle[1]) <= REGION_SPREAD[1] + 1e-4, city
    places = {(name_it, country): (lat, lon) for name_it, _en, country, lat, lon in PEERS}
    for city in City.objects.peers():
        lat, lon = places[(city.name_it.rsplit(" ", 1)[0], city.country.code)]
        assert abs(float(city.latitude) - lat) <= 0.0501 and abs(float(city.longitude) - lon) <= 0.0501
    statuses = set(City.objects.members().with_status().values_list("current_status", flat=True))
    assert statuses <= {Status.APPLICANT, Status.MEMBER, Status.WITHDRAWN}
    assert Article.objects.exclude(clipping_image="").exists()
    assert Article.objects.filter(cities__isnull=False).distinct().count() == 320
    for url in [
        "/it/citta/",
        "/en/press-review/",
        "/it/agenda/",
        "/en/working-groups/",
        "/it/citta/osservatorio/",
    ]:
        assert client.get(url).status_code == 200, url
    article = Article.objects.published().first()
    assert client.get(article.get_absolute_url()).status_code == 200
