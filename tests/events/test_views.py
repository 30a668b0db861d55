import datetime
import re

import pytest
from django.utils import translation

from tests.factories import CityFactory, EventFactory, WorkingGroupFactory
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def test_agenda_archive_by_year_and_month(client, seeded):
    year = client.get("/en/agenda/2004/")
    assert [e.title for e in year.context["object_list"]] == [
        "Signing of the Association's deed of constitution",
        "First national assembly of the Network",
    ]
    month = client.get("/it/agenda/2004/12/")
    assert "Prima Assemblea nazionale della Rete" in month.text
    assert client.get("/it/agenda/2004/11/").status_code == 404  # an empty month


def test_a_years_agenda_links_its_months_and_the_years_around_it(client):
    """The year's months with events, and the nearest years with events before and after
    it (a year without any is skipped); a draft makes no year nor month."""
    for day in ("2005-03-10", "2005-11-02", "2008-06-01", "2010-01-15"):
        EventFactory(start_date=datetime.date.fromisoformat(day))
    EventFactory(start_date=datetime.date(2009, 5, 5), is_published=False)
    EventFactory(start_date=datetime.date(2008, 9, 9), is_published=False)

    page = client.get("/en/agenda/2008/").text
    months = page.split('aria-label="Months"')[1].split("</nav>")[0]
    assert re.findall(r'href="([^"]+)">(\w+)<', months) == [("/en/agenda/2008/6/", "June")]
    assert '<a href="/en/agenda/2005/">← 2005</a>' in page
    assert '<a class="ms-3" href="/en/agenda/2010/">2010 →</a>' in page
    first = client.get("/it/agenda/2005/").text
    assert "← " not in first and 'href="/it/agenda/2008/">2008 →' in first
    assert re.findall(r'href="/it/agenda/2005/(\d+)/"', first) == ["3", "11"]
    for empty in ("2009", "2011", "1999", "9999", "99999"):
        assert client.get(f"/en/agenda/{empty}/").status_code == 404


def test_event_page(client, seeded):
    response = client.get("/en/agenda/2004/12/first-national-assembly-of-the-network/")
    assert "La Spezia" in response.text and "Assembly" in response.text
    moved = client.get("/en/agenda/2004/11/first-national-assembly-of-the-network/")  # not its month
    assert moved.status_code == 301
    assert moved["Location"] == "/en/agenda/2004/12/first-national-assembly-of-the-network/"


def test_working_group_page_lists_its_meetings(client):
    group = WorkingGroupFactory(name_it="Governance", name_en="Governance", year=2005)
    EventFactory(title_it="Prima riunione", title_en="First meeting", working_group=group)
    with translation.override("it"):
        url = group.get_absolute_url()
    response = client.get(url)
    assert "First meeting" not in response.text  # Italian page
    assert "Prima riunione" in response.text
    assert client.get("/it/gruppi-di-lavoro/2006/governance/").status_code == 404


def test_agenda_costs_a_fixed_number_of_queries(client):
    group = WorkingGroupFactory(name_it="Governance", name_en="Governance", year=2005)

    def grow(count):
        for _ in range(count):
            other = WorkingGroupFactory()
            other.member_cities.add(CityFactory())
            EventFactory(working_group=other, start_date=datetime.date(2005, 3, 1))
            EventFactory(working_group=group, start_date=datetime.date(2005, 3, 2))

    grow(3)
    with translation.override("en"):
        group_url = group.get_absolute_url()
    urls = ["/en/agenda/", "/en/agenda/2005/", "/en/agenda/2005/3/", "/en/working-groups/", group_url]
    assert_fixed_query_count(client, urls, grow=lambda: grow(30))


def test_working_groups_by_year(client):
    WorkingGroupFactory(name_it="Mobilità", name_en="Mobility", year=2004)
    WorkingGroupFactory(name_it="Governance", name_en="Governance", year=2005)
    latest = client.get("/en/working-groups/")
    assert [group.name for group in latest.context["object_list"]] == ["Governance"]
    assert "Working groups of 2005" in latest.text
    assert '<a class="page-link" href="?year=2005" aria-current="page">2005</a>' in latest.text
    assert '<a class="page-link" href="?year=2004">2004</a>' in latest.text
    earlier = client.get("/it/gruppi-di-lavoro/", {"year": "2004"})
    assert [group.name for group in earlier.context["object_list"]] == ["Mobilità"]
    for year in ["1999", "abc", "-1", "99999999999999999999"]:
        assert client.get("/en/working-groups/", {"year": year}).status_code == 404


def test_no_working_groups_yet(client):
    assert "No working group has been published yet." in client.get("/en/working-groups/").text


def test_the_agenda_shows_a_bounded_part_and_the_archive_comes_in_pages(client):
    today = datetime.date.today()
    for n in range(25):
        EventFactory(start_date=today + datetime.timedelta(days=n), title_it=f"Prossimo {n:02d}")
    agenda = client.get("/it/agenda/")
    assert [e.title for e in agenda.context["upcoming"]] == [f"Prossimo {n:02d}" for n in range(20)]
    assert f'<a href="/it/agenda/{(today + datetime.timedelta(days=19)).year}/">' in agenda.text

    for n in range(60):
        EventFactory(
            start_date=datetime.date(2005, 3, 1) + datetime.timedelta(days=n % 28), title_it=f"Evento {n:02d}"
        )
    year = client.get("/it/agenda/2005/")
    assert len(year.context["object_list"]) == 50
    assert 'href="?page=2" rel="next"' in year.text
    second = client.get("/it/agenda/2005/", {"page": 2})
    shown = {e.pk for e in year.context["object_list"]} | {e.pk for e in second.context["object_list"]}
    assert len(shown) == 60
    assert client.get("/it/agenda/2005/3/", {"page": 2}).status_code == 200
    assert client.get("/it/agenda/2005/3/", {"page": 3}).status_code == 404


def test_italian_months_are_written_in_lowercase(client, seeded):
    month = client.get("/it/agenda/2004/12/")
    assert "Agenda, dicembre 2004" in month.text
    assert "Dicembre" not in month.text
    assert "December 2004" in client.get("/en/agenda/2004/12/").text
