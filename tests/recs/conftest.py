import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from post_office.models import Attachment, Email

from cities.models import City, StatusChange, StrategicPlan
from events.models import Event, WorkingGroup
from pressreview.models import Article, Outlet
from recs.mailinglist.models import Subscriber
from recs.newsletter.models import Issue
from recs.pages.models import Contact, Highlight, Page
from recs.publications.models import Publication
from tests.factories import (
    ArticleFactory,
    PublicationFactory,
    StrategicPlanFactory,
    UserFactory,
    WorkingGroupFactory,
)


def login_records():
    """django-axes' records of login attempts, one of each."""
    seen = {
        "user_agent": "test",
        "ip_address": "192.0.2.1",
        "username": "x",
        "http_accept": "*/*",
        "path_info": "/",
    }
    return {
        AccessAttempt: AccessAttempt.objects.create(
            **seen, get_data="", post_data="", failures_since_start=1
        ),
        AccessFailureLog: AccessFailureLog.objects.create(**seen),
        AccessLog: AccessLog.objects.create(**seen),
    }


def queued_mail():
    send_mail("Prova", "Testo", "info@recs.it", ["ufficio@example.org"])
    return Email.objects.latest("id")


@pytest.fixture
def one_of_each(seeded):
    """The seed content plus one object of every model the admin manages, by model."""
    article = ArticleFactory()
    group = WorkingGroupFactory()
    group.member_cities.add(*City.objects.members()[:3])
    article.cities.add(group.coordinating_city)
    return {
        City: City.objects.get(name_it="Torino"),
        StatusChange: StatusChange.objects.first(),
        StrategicPlan: StrategicPlanFactory(),
        WorkingGroup: group,
        Event: Event.objects.first(),
        Outlet: article.outlet,
        Article: article,
        Page: Page.objects.first(),
        Highlight: Highlight.objects.create(title_it="Assemblea", link_it="/it/agenda/", is_published=True),
        Contact: Contact.objects.first(),
        Publication: PublicationFactory(),
        Issue: Issue.objects.create(subject_it="Notizie", body_it="<p>Testo.</p>"),
        Subscriber: Subscriber.objects.create(email="lettrice@example.org"),
        Group: Group.objects.first(),
        Email: queued_mail(),
        Attachment: Attachment.objects.create(
            name="allegato.txt", file=ContentFile(b"testo", "allegato.txt")
        ),
        get_user_model(): UserFactory(),
        **login_records(),
    }
