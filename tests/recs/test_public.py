"""Site-wide guards: every public page answers in both languages, with one <h1>."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.utils import translation

from cities.models import City
from events.models import Event
from recs.pages.models import Page
from tests.factories import ArticleFactory, EventFactory
from tests.site_pages import (
    NOT_INDEXED,
    PERSONAL,
    make_site,
    public_downloads,
    public_pages,
    public_url_names,
)

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES]


@pytest.fixture
def site(seeded):
    return make_site()


def test_translated_addresses():
    with translation.override("it"):
        assert City(slug="torino").get_absolute_url() == "/it/citta/torino/"
    with translation.override("en"):
        assert City(slug="turin").get_absolute_url() == "/en/cities/turin/"


def test_the_guards_cover_every_public_address(site):
    """Derived from the URL resolver: a new page is checked as soon as it exists."""
    names = {name for name, _ in public_pages(site, "it")} | {
        name for name, _ in public_downloads(site, "it")
    }
    assert names | PERSONAL == set(public_url_names())
    assert {"site:home", "cities:city-detail", "pages:page-detail", "events:event-month"} <= names


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_with_one_h1_and_its_language(client, site, language):
    for _, url in public_pages(site, language):
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.text
        assert html.count("<h1") == 1, url
        assert html.count('role="search"') == 1, url  # one search landmark: the site search
        assert f'<html lang="{language}">' in html, url
        assert re.search(r'<link rel="canonical" href="http://testserver' + re.escape(url), html), url
        assert 'hreflang="it"' in html and 'hreflang="en"' in html, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_feeds_calendars_and_downloads_answer_in_each_language(client, site, language):
    for name, url in public_downloads(site, language):
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response["Content-Type"].startswith("text/html"), (name, response["Content-Type"])


@pytest.mark.parametrize("language, other", [(a, b) for a in LANGUAGES for b in LANGUAGES if a != b])
def test_language_switcher_leads_to_the_same_page(client, site, language, other):
    pairs = zip(public_pages(site, language), public_pages(site, other), strict=True)
    for (_, url), (_, other_url) in pairs:
        html = client.get(url).text
        link = re.search(rf'<a class="[^"]*" href="http://testserver([^"]+)" hreflang="{other}"', html)
        assert link and link.group(1) == other_url, (url, link and link.group(1))
        assert client.get(other_url).status_code == 200


def test_switcher_keeps_list_filters(client, seeded):
    html = client.get("/it/citta/?status=applicant&region=emilia-romagna").text
    assert (
        'href="http://testserver/en/cities/?status=applicant&amp;region=emilia-romagna" hreflang="en"' in html
    )
    english = client.get("/en/cities/?status=applicant&region=emilia-romagna")
    assert "Cesena" in english.text and "Catania" not in english.text


def test_root_sends_visitors_to_their_language(client):
    assert client.get("/", headers={"accept-language": "en"}).url == "/en/"
    assert client.get("/", headers={"accept-language": "it"}).url == "/it/"
    assert client.get("/", headers={"accept-language": "de"}).url == "/it/"


def test_english_page_has_no_italian_interface_words(client, seeded):
    html = client.get("/en/cities/").text
    for italian in ["Città", "Contatti", "Rassegna stampa", "Gruppi di lavoro", "Filtra"]:
        assert italian not in html.replace("Rete Città Strategiche", "")


def test_missing_english_is_shown_in_italian_with_a_note(client, seeded):
    City.objects.filter(slug_it="jesi").update(description_it="Città marchigiana.", description_en="")
    english = client.get("/en/cities/jesi/")
    assert "Città marchigiana." in english.text
    assert "has not been translated into English yet" in english.text
    assert "has not been translated" not in client.get("/it/citta/jesi/").text
    assert '<div lang="it"><p>Città marchigiana.</p></div>' in english.text  # read out as Italian


def test_italian_standing_in_for_english_is_marked_as_italian(client, seeded):
    """WCAG 3.1.2: the title and the text in Italian on an English page carry lang="it"."""
    from events.models import Event

    event = Event.objects.filter(is_published=True).first()
    Event.objects.filter(pk=event.pk).update(
        title_en="", description_en="", description_it="<p>Incontro.</p>"
    )
    event.refresh_from_db()
    with translation.override("en"):
        url = event.get_absolute_url()
    html = client.get(url).text
    assert f'<h1 lang="it">{event.title_it}</h1>' in html
    assert '<div lang="it"><p>Incontro.</p></div>' in html
    agenda = client.get(f"/en/agenda/{event.start_date.year}/").text
    assert f'class="fw-semibold" lang="it">{event.title_it}</a>' in agenda
    translated = client.get("/en/cities/torino/").text
    assert 'lang="it"' not in translated.replace('hreflang="it" lang="it"', "")  # nothing stands in there


def test_unknown_addresses_get_a_friendly_404_in_each_language(client, seeded):
    for url, text in [
        ("/it/citta/atlantide/", "Pagina non trovata"),
        ("/en/cities/atlantis/", "Page not found"),
        ("/it/agenda/2004/13/", "Pagina non trovata"),
        ("/en/agenda/2004/12/nope/", "Page not found"),
        ("/en/association/nope/", "Page not found"),
        ("/it/agenda/99999999999999999999/", "Pagina non trovata"),
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert text in response.text


def test_unpublished_content_is_invisible(client, seeded):
    hidden_event = EventFactory(title_it="Evento riservato", is_published=False)
    hidden_article = ArticleFactory(headline_it="Bozza riservata", is_published=False)
    hidden_page = Page.objects.create(title_it="Pagina riservata", body_it="x", is_published=False)
    for obj in (hidden_event, hidden_article, hidden_page):
        assert client.get(obj.get_absolute_url()).status_code == 404
    for url in ["/it/", "/it/agenda/", "/it/rassegna-stampa/", "/it/associazione/", "/sitemap.xml"]:
        html = client.get(url).text
        assert "riservat" not in html, url


SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_pages(client):
    """Every page of every section the sitemap index lists, parsed."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    sections = [loc.text for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert sections
    pages = []
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200, section
        pages.append(ET.fromstring(response.content))
    return pages


def test_sitemap_lists_every_public_page_in_every_language(client, site):
    pages = sitemap_pages(client)
    locations = {loc.text for root in pages for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    for language in LANGUAGES:
        missing = [
            url
            for name, url in public_pages(site, language)
            if name not in NOT_INDEXED and f"http://testserver{url}" not in locations
        ]
        assert missing == [], language
    assert "http://testserver/it/citta/torino/" in locations
    assert "http://testserver/en/cities/turin/" in locations
    alternates = {link.get("href") for root in pages for link in root.findall("s:url/x:link", SITEMAP_NS)}
    assert "http://testserver/en/association/history/" in alternates
    assert Event.objects.get(slug_it="prima-assemblea-nazionale-della-rete").get_absolute_url()


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["content-type"] == "text/plain"
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_server_error_page_is_friendly_in_both_languages(client, monkeypatch):
    from django.test import Client

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("recs.site.views.HomeView.get_context_data", broken)
    response = Client(raise_request_exception=False).get("/it/")
    assert response.status_code == 500
    assert "Si è verificato un errore" in response.text and "Something went wrong" in response.text
    assert "boom" not in response.text and "Traceback" not in response.text


def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response.url.endswith("recs/favicon.svg")


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("/en/cities/torino/", "/en/cities/turin/"),
        ("/it/citta/turin/", "/it/citta/torino/"),
        ("/en/association/storia/", "/en/association/history/"),
        (
            "/en/agenda/2004/12/prima-assemblea-nazionale-della-rete/",
            "/en/agenda/2004/12/first-national-assembly-of-the-network/",
        ),
    ],
)
def test_a_slug_in_the_other_language_redirects_to_this_languages_address(client, seeded, url, canonical):
    response = client.get(url)
    assert response.status_code == 301
    assert response.url == canonical
    assert client.get(canonical).status_code == 200


@pytest.mark.parametrize(
    "url, current",
    [
        ("/it/citta/torino/", "Città"),
        ("/it/citta/osservatorio/", "Città"),
        ("/en/agenda/2004/", "Agenda"),
        ("/en/association/history/", "The association"),
    ],
)
def test_the_menu_marks_the_section_the_visitor_is_in(client, seeded, url, current):
    html = client.get(url).text
    marked = re.findall(r'aria-current="page"><span>([^<]+)</span>', html)
    assert marked == [current]


def test_the_home_page_marks_no_menu_item(client, seeded):
    assert 'aria-current="page"><span>' not in client.get("/it/").text


def test_a_large_section_is_split_into_pages(client, site, monkeypatch):
    from recs.site.sitemaps import BilingualSitemap

    monkeypatch.setattr(BilingualSitemap, "limit", 4)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert any("sitemap-cities.xml?p=" in section for section in sections)
    for section in sections:
        root = ET.fromstring(client.get(section.removeprefix("http://testserver")).content)
        assert len(root.findall("s:url", SITEMAP_NS)) <= 4


@pytest.mark.parametrize(
    "url", ["/it/agenda/rss/", "/en/press-review/atom/", "/it/agenda/calendario.ics", "/sitemap.xml"]
)
def test_polled_addresses_answer_conditional_requests(client, site, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""


def test_sitemap_pages_neither_repeat_nor_miss_an_address(client, site, monkeypatch):
    from recs.site.sitemaps import BilingualSitemap

    whole = {loc.text for root in sitemap_pages(client) for loc in root.findall("s:url/s:loc", SITEMAP_NS)}
    monkeypatch.setattr(BilingualSitemap, "limit", 3)  # odd, so that pages split an object's languages
    paged = [loc.text for root in sitemap_pages(client) for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert len(paged) == len(set(paged)) and set(paged) == whole


@pytest.mark.parametrize(
    "language, titles",
    [
        ("it", ["Dichiarazione di accessibilità", "Note legali", "Informativa sulla privacy"]),
        ("en", ["Accessibility statement", "Legal notes", "Privacy notice"]),
    ],
)
def test_every_page_ends_with_the_small_print_in_its_language(client, seeded, language, titles):
    home = client.get(f"/{language}/")
    footer = home.text[home.text.index('<footer class="it-footer" id="site-footer">') :]
    small_print = footer[footer.index("it-footer-small-prints-list") :]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', small_print)
    assert [title for _href, title in links] == titles
    for href, title in links:
        page = client.get(href)
        assert page.status_code == 200
        assert f"<h1>{title}</h1>" in page.text
        assert "info@recs.it" in page.text
        assert "Last updated:" in page.text or "Ultimo aggiornamento:" in page.text
    # They are not pages about the association: not in its menu.
    association = client.get(f"/{language}/")
    menu = association.text[association.text.index('<footer class="it-footer" id="site-footer">') :].split(
        "it-footer-small-prints"
    )[0]
    assert titles[0] not in menu


def test_the_mailing_list_consent_links_to_the_privacy_notice(client, seeded):
    form = client.get("/it/mailing-list/")
    assert 'aria-describedby="consent-privacy"' in form.text
    assert '<a href="/it/associazione/informativa-privacy/">' in form.text
    english = client.get("/en/mailing-list/")
    assert '<a href="/en/association/privacy-notice/">' in english.text


def test_one_page_for_each_footer_role(seeded):
    from django.core.exceptions import ValidationError

    from recs.pages.models import Page

    second = Page(title_it="Altra informativa", slug_it="altra", role=Page.Role.PRIVACY)
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert "There is already a page with this role" in str(error.value) or "esiste già" in str(error.value)


def test_the_home_page_opens_with_the_association_not_the_small_print(client, seeded):
    home = client.get("/it/")
    intro = home.text[home.text.index("<h1") : home.text.index("<h1") + 600]
    assert "La Rete Città Strategiche riunisce le città italiane" in intro
    assert "dati personali" not in intro
    assert "The Strategic Cities Network brings together" in client.get("/en/").text


def test_the_header_has_a_slot_for_the_association_s_logo(client, seeded, settings):
    html = client.get("/it/").text
    assert "it-brand-wrapper" in html and 'class="icon"' not in html  # none supplied yet
    settings.SITE_LOGO = "recs/favicon.svg"  # any static image stands in for the logo
    html = client.get("/en/").text
    brand = html.split('class="it-brand-wrapper"')[1].split("</a>")[0]
    assert (
        '<img src="/static/recs/favicon.svg" alt="" class="icon"' in brand
    )  # the name beside it says it all
    assert "RECS" in brand
