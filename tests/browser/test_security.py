"""The Content-Security-Policy, as a real browser applies it: nothing the site serves is blocked."""

import pytest

from recs.site.seed.loader import load
from tests.site_pages import make_site, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def violations_on(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate("window.cspViolations")


def test_no_csp_violation_on_any_public_page_type_or_in_the_back_office(page, live_server, admin_login):
    load()
    site = make_site()
    response = page.goto(f"{live_server.url}/it/")
    policy = response.headers["content-security-policy"]
    script_src = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src

    failures = {}
    urls = [url for _, url in public_pages(site, "it")] + ["/en/", "/en/cities/turin/"]
    for url in urls:
        if found := violations_on(page, f"{live_server.url}{url}"):
            failures[url] = found

    admin_login()
    from cities.models import City
    from recs.pages.models import Page

    torino = City.objects.get(slug_it="torino")
    admin_urls = [
        "/admin/",
        "/admin/cities/city/",
        f"/admin/cities/city/{torino.pk}/change/",
        f"/admin/pages/page/{Page.objects.first().pk}/change/",
        f"/admin/cities/statuschange/record/?cities={torino.pk}",
        "/admin/post_office/email/",
    ]
    for url in admin_urls:
        if found := violations_on(page, f"{live_server.url}{url}"):
            failures[url] = found
    # The language tabs and the cities' autocomplete still work under the policy.
    page.goto(f"{live_server.url}/admin/pages/page/{Page.objects.first().pk}/change/")
    assert page.locator(".ui-tabs-nav").count() > 0
    assert failures == {}
