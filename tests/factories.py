"""Factories for the site's models; translated fields are written per language."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from cities.models import City, Status, StatusChange, StrategicPlan
from events.models import Event, WorkingGroup
from pressreview.models import Article, Outlet
from recs.pages.models import Contact, Page
from recs.publications.models import Publication
from tests.documents import pdf_with_text


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City

    name_it = factory.Sequence(lambda n: f"Città {n}")
    name_en = factory.Sequence(lambda n: f"City {n}")
    role = City.Role.MEMBER
    country = "IT"
    region = "toscana"
    province = "FI"


class PeerCityFactory(CityFactory):
    role = City.Role.PEER
    country = "DE"
    region = ""
    province = ""


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusChange

    city = factory.SubFactory(CityFactory)
    status = Status.MEMBER
    effective_date = datetime.date(2010, 1, 1)
    reference_it = "Delibera del consiglio comunale"
    reference_en = "City council resolution"


class StrategicPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicPlan

    city = factory.SubFactory(CityFactory)
    edition = factory.Sequence(lambda n: n + 1)
    title_it = factory.Sequence(lambda n: f"Piano strategico {n}")
    title_en = factory.Sequence(lambda n: f"Strategic plan {n}")


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    name_it = factory.Sequence(lambda n: f"Gruppo {n}")
    name_en = factory.Sequence(lambda n: f"Group {n}")
    year = 2005
    coordinating_city = factory.SubFactory(CityFactory)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_it = factory.Sequence(lambda n: f"Incontro {n}")
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    kind = Event.Kind.MEETING
    start_date = datetime.date(2005, 3, 10)
    host_city = factory.SubFactory(CityFactory)
    is_published = True


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Il Quotidiano {n}")
    slug = factory.Sequence(lambda n: f"il-quotidiano-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    headline_it = factory.Sequence(lambda n: f"Le città strategiche {n}")
    headline_en = factory.Sequence(lambda n: f"The strategic cities {n}")
    outlet = factory.SubFactory(OutletFactory)
    published_on = datetime.date(2005, 4, 2)
    original_url = "https://example.org/article"
    is_published = True


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    title_it = factory.Sequence(lambda n: f"Pagina {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    is_published = True
    body_it = "Testo."
    body_en = "Text."


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name_it = factory.Sequence(lambda n: f"Persona {n}")
    email = "person@example.org"


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title_it = factory.Sequence(lambda n: f"Rapporto sulle città strategiche {n}")
    title_en = factory.Sequence(lambda n: f"Report on the strategic cities {n}")
    year = 2006
    kind = Publication.Kind.REPORT
    is_published = True
    document = factory.LazyFunction(
        lambda: ContentFile(
            pdf_with_text(["Rapporto della Rete", "Pianificazione strategica"]), "rapporto.pdf"
        )
    )
