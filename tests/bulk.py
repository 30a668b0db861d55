"""Many rows of every model at once (bulk inserts), for query-count tests and the benchmark."""

import datetime

from cities.models import City, Status, StatusChange, StrategicPlan
from events.models import Event, WorkingGroup
from pressreview.models import Article, Outlet
from recs.pages.models import Contact, Page


def make_rows(start, stop):
    """Rows numbered start..stop-1 of every model, published, with the relations pages show.

    Every city has a two-step history (applicant, then member) and coordinates; every
    one coordinates a working group, hosts a published event and is linked to one
    outlet's published article.
    """
    numbers = range(start, stop)
    cities = City.objects.bulk_create(
        City(
            name=f"Città {i}",
            name_it=f"Città {i}",
            name_en=f"City {i}",
            slug=f"citta-{i}",
            slug_it=f"citta-{i}",
            slug_en=f"city-{i}",
            region="toscana",
            latitude=43 + i % 5,
            longitude=11 + i % 5,
        )
        for i in numbers
    )
    StatusChange.objects.bulk_create(
        StatusChange(
            city=city, status=status, previous_status=previous, effective_date=datetime.date(2005 + k, 1, 1)
        )
        for city in cities
        for k, (previous, status) in enumerate([("", Status.APPLICANT), (Status.APPLICANT, Status.MEMBER)])
    )
    City.objects.filter(pk__in=[city.pk for city in cities]).refresh_statuses()  # bulk_create skips save()
    StrategicPlan.objects.bulk_create(
        StrategicPlan(city=city, edition=1, title=f"Piano {i}", title_it=f"Piano {i}")
        for i, city in zip(numbers, cities, strict=True)
    )
    groups = WorkingGroup.objects.bulk_create(
        WorkingGroup(
            name=f"G{i}",
            name_it=f"G{i}",
            slug=f"g-{i}",
            slug_it=f"g-{i}",
            slug_en=f"g-{i}",
            year=2005,
            coordinating_city=city,
        )
        for i, city in zip(numbers, cities, strict=True)
    )
    WorkingGroup.member_cities.through.objects.bulk_create(
        WorkingGroup.member_cities.through(workinggroup=group, city=city)
        for group, city in zip(groups, cities, strict=True)
    )
    Event.objects.bulk_create(
        Event(
            title=f"E{i}",
            title_it=f"E{i}",
            slug=f"e-{i}",
            slug_it=f"e-{i}",
            slug_en=f"e-{i}",
            start_date=datetime.date(2005, 1 + i % 12, 1),
            host_city=city,
            working_group=group,
            is_published=True,
        )
        for i, city, group in zip(numbers, cities, groups, strict=True)
    )
    outlets = Outlet.objects.bulk_create(Outlet(name=f"O{i}", slug=f"o-{i}") for i in numbers)
    articles = Article.objects.bulk_create(
        Article(
            headline=f"A{i}",
            headline_it=f"A{i}",
            slug=f"a-{i}",
            slug_it=f"a-{i}",
            slug_en=f"a-{i}",
            outlet=outlet,
            published_on=datetime.date(2005, 1, 1),
            original_url="https://example.org/",
            is_published=True,
        )
        for i, outlet in zip(numbers, outlets, strict=True)
    )
    Article.cities.through.objects.bulk_create(
        Article.cities.through(article=article, city=city)
        for article, city in zip(articles, cities, strict=True)
    )
    Page.objects.bulk_create(
        Page(title=f"P{i}", title_it=f"P{i}", slug=f"p-{i}", slug_it=f"p-{i}", slug_en=f"p-{i}")
        for i in numbers
    )
    Contact.objects.bulk_create(Contact(name=f"C{i}", name_it=f"C{i}") for i in numbers)
