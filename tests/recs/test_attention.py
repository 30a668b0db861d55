import pytest
from django.contrib.auth.models import Permission
from post_office.models import STATUS, Email

from cities.models import City, Status
from events.models import Event
from tests.factories import CityFactory, PublicationFactory, StatusChangeFactory

pytestmark = pytest.mark.django_db


def attention(html):
    return html.split('id="needs-attention"')[1].split("</div>")[0]


def test_the_back_office_home_says_what_needs_attention(client, superuser, seeded):
    client.force_login(superuser)
    for name in ("Asti", "Alba"):
        StatusChangeFactory(city=CityFactory(name_it=name, name_en=name), status=Status.APPLICANT)
    Event.objects.filter(pk=Event.objects.first().pk).update(is_published=False)
    City.objects.filter(slug_it="jesi").update(description_it="Città marchigiana.", description_en="")
    Email.objects.create(from_email="ufficio@example.org", to=["x@example.org"], status=STATUS.failed)
    PublicationFactory(title_it="Rapporto in bozza", is_published=False)

    box = attention(client.get("/admin/", headers={"accept-language": "en"}).text)
    applicants = City.objects.members().with_status().filter(current_status=Status.APPLICANT).count()
    assert (
        f'<a href="/admin/cities/city/?status=applicant"><strong>{applicants}</strong> '
        "cities waiting for a decision on their adhesion</a>"
    ) in box
    assert (
        '<a href="/admin/events/event/?is_published__exact=0"><strong>1</strong> event not published yet</a>'
        in box
    )
    assert (
        '<a href="/admin/cities/city/?english=missing"><strong>1</strong> city without its English text</a>'
        in box
    )
    assert (
        '<a href="/admin/post_office/email/?status__exact=1"><strong>1</strong> mail not delivered</a>' in box
    )
    assert (
        '<a href="/admin/publications/publication/?is_published__exact=0"><strong>1</strong> '
        "publication not published yet</a>" in box
    )
    assert "clipping not published yet" not in box  # nothing of that kind is waiting

    italian = attention(client.get("/admin/", headers={"accept-language": "it"}).text)
    assert "Da guardare" in client.get("/admin/", headers={"accept-language": "it"}).text
    assert "<strong>1</strong> città senza il testo in inglese" in italian
    for link in [
        "/admin/cities/city/?status=applicant",
        "/admin/cities/city/?english=missing",
        "/admin/events/event/?is_published__exact=0",
        "/admin/publications/publication/?is_published__exact=0",
        "/admin/post_office/email/?status__exact=1",
    ]:
        assert client.get(link).status_code == 200, link  # a filter the list knows (no "?e=1")


def test_staff_see_only_what_they_may_open(client, django_user_model, seeded):
    StatusChangeFactory(city=CityFactory(name_it="Asti", name_en="Asti"), status=Status.APPLICANT)
    Event.objects.filter(pk=Event.objects.first().pk).update(is_published=False)
    coordinator = django_user_model.objects.create_user(
        "coord", password="a-long-test-password", is_staff=True
    )
    coordinator.user_permissions.add(Permission.objects.get(codename="view_city"))
    client.force_login(coordinator)
    box = attention(client.get("/admin/", headers={"accept-language": "en"}).text)
    assert "waiting for a decision" in box
    assert "not published yet" not in box


def test_when_nothing_waits_it_says_so(client, superuser):
    client.force_login(superuser)
    assert "Nothing is waiting" in attention(client.get("/admin/", headers={"accept-language": "en"}).text)
