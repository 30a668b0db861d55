import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from recs.mailinglist.models import Subscriber
from recs.site.seed.loader import load
from tests.site_pages import make_site, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = [code for code, _ in settings.LANGUAGES]


@pytest.fixture
def site():
    load()
    return make_site()


def test_visitor_walks_the_site_and_switches_language_on_a_city_page(page, live_server, site):
    page.goto(f"{live_server.url}/it/")
    assert page.locator("h1").inner_text() == "Rete Città Strategiche"
    page.get_by_role("navigation", name="Menu principale").get_by_role("link", name="Città").click()
    expect(page.locator("h1")).to_have_text("Le città della Rete")
    page.select_option("#id_status", "applicant")
    page.get_by_role("button", name="Filtra").click()
    expect(page.locator("tbody th")).to_have_text(["Catania", "Cesena", "Cuneo", "Spoleto"])

    page.get_by_role("link", name="English").click()  # the same filtered list in English
    expect(page).to_have_url(f"{live_server.url}/en/cities/?q=&status=applicant&on=&region=")
    expect(page.locator("h1")).to_have_text("The network's cities")
    expect(page.locator("tbody th")).to_have_text(["Catania", "Cesena", "Cuneo", "Spoleto"])

    page.goto(f"{live_server.url}/it/citta/torino/")
    assert page.locator("h1").inner_text() == "Torino"
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{live_server.url}/en/cities/turin/")
    expect(page.locator("h1")).to_have_text("Turin")
    assert "Promoter" in page.inner_text("main")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Italiano").click()
    expect(page).to_have_url(f"{live_server.url}/it/citta/torino/")

    page.goto(f"{live_server.url}/en/press-review/")
    page.locator("#id_city").press_sequentially("tur")  # names are suggested as one types
    expect(page.locator("#id_city_names option")).to_have_attribute("value", "Turin")
    page.fill("#id_city", "Turin")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"city=Turin"))
    expect(page.locator("#id_city")).to_have_value("Turin")
    page.get_by_role("link", name="Strategic Turin").click()
    expect(page.locator("h1")).to_have_text("Strategic Turin")
    page.fill("#site-search-q", "Turin")
    page.press("#site-search-q", "Enter")
    expect(page.locator("main").get_by_role("link", name="Turin", exact=True)).to_have_count(1)
    assert page.outside_requests == []


def test_visitor_subscribes_to_the_mailing_list(page, live_server, site):
    page.goto(f"{live_server.url}/it/mailing-list/")
    page.get_by_role("button", name="Iscriviti").click()
    expect(page.locator("#email-errors")).to_be_visible()  # errors say what to fix
    page.fill("#id_email", "cittadina@example.org")
    page.get_by_text("Acconsento che l").click()  # the styled checkbox is ticked through its label
    expect(page.locator("#id_consent")).to_be_checked()
    page.get_by_role("button", name="Iscriviti").click()
    expect(page.locator("h1")).to_have_text("Controlla la tua casella di posta")
    [message] = mail.outbox
    confirm = re.search(r"http://\S+/conferma/\S+", message.body).group(0)
    page.goto(confirm)
    expect(page.locator("h1")).to_have_text("Iscrizione confermata")
    assert Subscriber.objects.get().status == "confirmed"


#: Besides every public page (derived from the URL resolver): states of a page worth checking.
EXTRA_PAGES = [
    "/it/citta/atlantide/",
    "/en/cities/atlantis/",
    "/it/citta/?on=2005-01-01",
    "/en/cities/?on=2005-01-01",
]


def test_no_serious_accessibility_violations_on_any_page_type(page_without_csp, live_server, site):
    page = page_without_csp
    failures = {}
    urls = [url for language in LANGUAGES for _, url in public_pages(site, language)] + EXTRA_PAGES
    for url in urls:
        page.goto(f"{live_server.url}{url}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]
        if serious:
            failures[url] = serious
    assert failures == {}


#: Interactive elements under 24 × 24 px, except links inside running text and the
#: skip links (hidden until focused): WCAG 2.2's 2.5.8 and its inline exception.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary')].filter(element => {
  const box = element.getBoundingClientRect();
  if (!box.width || !box.height || (box.width >= 24 && box.height >= 24)) return false;
  if (element.classList.contains('visually-hidden-focusable')) return false;
  const text = (element.parentElement.innerText || '').trim();
  const inline = getComputedStyle(element).display === 'inline' && !element.closest('svg')
    && text.length > (element.innerText || '').trim().length + 2;
  return !inline;
}).map(element => `${element.tagName} ${Math.round(element.getBoundingClientRect().width)}x`
  + `${Math.round(element.getBoundingClientRect().height)} ${element.textContent.trim().slice(0, 30)}`)"""


def test_touch_targets_are_24_pixels_at_least_on_a_phone_and_a_desktop(page, live_server, site):
    small = {}
    for width in (390, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        for url in [
            "/it/",
            "/en/cities/",
            "/it/citta/torino/",
            "/en/cities/observatory/",
            "/it/rassegna-stampa/",
        ]:
            page.goto(f"{live_server.url}{url}")
            if found := page.evaluate(SMALL_TARGETS):
                small[f"{width} {url}"] = found
    assert small == {}
