import datetime

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


def test_event_page(client, seeded):
    response = client.get("/en/agenda/2004/12/first-national-assembly-of-the-network/")
    assert "La Spezia" in response.text and "Assembly" in response.text
    assert client.get("/en/agenda/2004/11/first-national-assembly-of-the-network/").status_code == 404


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
