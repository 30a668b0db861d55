"""Publications ("Editoria"): PDFs uploaded by the staff, a cover drawn from the first
page, the text read for the search, and a public library in both languages."""

import io

import feedparser
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import translation
from PIL import Image

from recs.publications.models import Publication
from tests.documents import pdf_with_text
from tests.factories import CityFactory, PublicationFactory, WorkingGroupFactory
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db

PLAN = pdf_with_text(
    ["Piano strategico della Spezia", "Visione al 2030"],
    ["Capitolo due: le periferie e il porto"],
)


def upload(client, document, **fields):
    data = {
        "title_it": "Piano strategico della Spezia",
        "title_en": "Strategic plan of La Spezia",
        "slug_it": "piano-strategico-della-spezia",
        "slug_en": "strategic-plan-of-la-spezia",
        "kind": "plan",
        "year": "2006",
        "authors": "Comune della Spezia",
        "document_language": "it",
        "summary_it": "<p>Il piano <strong>approvato</strong>.</p>",
        "summary_en": "",
        "is_published": "on",
        "publish_at_0": "",
        "publish_at_1": "",
        "unpublish_at_0": "",
        "unpublish_at_1": "",
        "document": SimpleUploadedFile("piano.pdf", document, "application/pdf"),
        **fields,
    }
    return client.post(reverse("admin:publications_publication_add"), data, headers={"accept-language": "en"})


def test_an_uploaded_pdf_gets_its_cover_text_and_pages(client, superuser):
    client.force_login(superuser)
    response = upload(client, PLAN)
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.objects.get(slug_it="piano-strategico-della-spezia")
    assert publication.pages == 2
    assert "Visione al 2030" in publication.text and "le periferie e il porto" in publication.text
    with Image.open(publication.cover.path) as cover:
        assert cover.format == "JPEG" and cover.width == 600
        assert cover.height == 776 or cover.height == 777  # the page's proportions (612 × 792)
        # The first page's dark band is at the top of the cover; the rest is the white page.
        band, page = cover.getpixel((300, 10)), cover.getpixel((300, 500))
        assert max(band) < 160 and min(page) > 230
    form = client.get(
        reverse("admin:publications_publication_change", args=[publication.pk]),
        headers={"accept-language": "en"},
    ).text
    assert "2 pages" in form and "words of text for the search" in form


def test_a_file_that_is_not_a_pdf_or_runs_scripts_is_refused_with_a_reason(client, superuser):
    client.force_login(superuser)
    response = upload(client, b"GIF89a not a pdf")
    assert response.status_code == 200
    assert "not a complete PDF" in str(response.context["adminform"].form.errors["document"])
    scripted = pdf_with_text(["Apri"], extra_catalog="/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")
    response = upload(client, scripted)
    assert "scripts" in str(response.context["adminform"].form.errors["document"])
    assert not Publication.objects.exists()


def test_a_pdf_that_cannot_be_drawn_still_publishes_without_a_cover(client, superuser, monkeypatch):
    import pypdfium2

    def refuse(data):
        raise pypdfium2.PdfiumError("Failed to load document")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)
    client.force_login(superuser)
    assert upload(client, PLAN).status_code == 302
    publication = Publication.objects.get()
    assert not publication.cover and "Visione al 2030" in publication.text
    assert client.get(publication.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("language", ["it", "en"])
def test_the_library_lists_the_published_ones_with_their_covers(client, language):
    shown = PublicationFactory(
        title_it="Atti dell'assemblea", title_en="Proceedings of the assembly", kind="proceedings"
    )
    PublicationFactory(title_it="Bozza interna", title_en="Internal draft", is_published=False)
    with translation.override(language):
        url = reverse("publications:publication-list")
    assert url == {"it": "/it/editoria/", "en": "/en/publications/"}[language]
    html = client.get(url).text
    assert {"it": "Atti dell&#x27;assemblea", "en": "Proceedings of the assembly"}[language] in html
    assert "Bozza interna" not in html and "Internal draft" not in html
    assert 'class="publication-cover"' in html
    with translation.override(language):
        detail = client.get(shown.get_absolute_url()).text
    assert {"it": "Scarica il PDF", "en": "Download the PDF"}[language] in detail
    assert shown.document.url in detail


def test_filters_by_kind_year_language_city_and_group(client):
    turin = CityFactory(name_it="Torinese", name_en="Torinese")
    group = WorkingGroupFactory(name_it="Periferie", name_en="Suburbs", year=2005)
    plan = PublicationFactory(title_it="Piano di Torino", kind="plan", year=2005, document_language="it+en")
    plan.cities.add(turin)
    guide = PublicationFactory(title_it="Linee guida", kind="guidelines", year=2006)
    guide.working_groups.add(group)
    url = reverse("publications:publication-list")

    def titles(**query):
        return [p.title_it for p in client.get(url, query).context["object_list"]]

    assert titles(kind="plan") == ["Piano di Torino"]
    assert titles(year="2006") == ["Linee guida"]
    assert titles(language="it+en") == ["Piano di Torino"]
    assert titles(city="Torinese") == ["Piano di Torino"]
    assert titles(group=str(group.pk)) == ["Linee guida"]
    # A bad value is a message, not an error page.
    response = client.get(url, {"year": "duemila", "kind": "x"})
    assert response.status_code == 200 and "Some filters are not valid" in response.text


def test_the_search_looks_inside_the_documents(client):
    PublicationFactory(title_it="Rapporto annuale", document=_pdf("Il waterfront della Spezia rinasce"))
    PublicationFactory(title_it="Altro rapporto", document=_pdf("Niente di rilevante"))
    url = reverse("publications:publication-list")
    found = client.get(url, {"q": "waterfront"}).context["object_list"]
    assert [p.title_it for p in found] == ["Rapporto annuale"]
    site = client.get("/it/cerca/", {"q": "waterfront"}).text
    assert "Rapporto annuale" in site and "Altro rapporto" not in site


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming is PostgreSQL's")
def test_the_search_inside_documents_stems_italian_words(client):
    PublicationFactory(title_it="Rapporto", document=_pdf("Le città metropolitane pianificano insieme"))
    found = client.get(reverse("publications:publication-list"), {"q": "pianificare"}).context["object_list"]
    assert [p.title_it for p in found] == ["Rapporto"]


def test_the_library_costs_the_same_queries_with_3_or_30_publications(client):
    group = WorkingGroupFactory()
    for publication in PublicationFactory.create_batch(3):
        publication.working_groups.add(group)
    url = reverse("publications:publication-list")
    assert_fixed_query_count(
        client, [url, f"{url}?kind=report&q=Rapporto"], lambda: PublicationFactory.create_batch(27)
    )
    assert len(client.get(url).context["object_list"]) == 12


def test_sitemap_feed_and_drafts(client):
    published = PublicationFactory(
        title_it="Atti", title_en="Proceedings", summary_it="<p>Gli <b>atti</b>.</p>"
    )
    draft = PublicationFactory(title_it="Riservato", is_published=False)
    sitemap = client.get("/sitemap-publications.xml").text
    with translation.override("en"):
        english = published.get_absolute_url()
    assert published.get_absolute_url() in sitemap and english in sitemap
    assert "riservato" not in sitemap
    assert client.get(draft.get_absolute_url()).status_code == 404
    with translation.override("it"):
        feed = feedparser.parse(client.get(reverse("publications:publication-rss")).content)
    assert [entry.title for entry in feed.entries] == ["Atti"]
    assert feed.entries[0].summary == "Gli atti."


def test_a_former_address_leads_to_the_publication(client):
    publication = PublicationFactory(title_it="Rapporto 2005")
    old = publication.get_absolute_url()
    publication.title_it = "Rapporto 2005 (edizione rivista)"
    publication.slug_it = None
    publication.save()
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == publication.get_absolute_url()


def _pdf(text):
    from django.core.files.base import ContentFile

    return ContentFile(pdf_with_text([text]), "documento.pdf")


def test_the_cover_is_a_real_image_of_the_page_width():
    from recs.publications.documents import COVER_WIDTH, cover_of

    cover = cover_of(PLAN, "piano")
    with Image.open(io.BytesIO(cover.read())) as image:
        assert image.width == COVER_WIDTH


def test_a_document_stored_by_a_script_is_read_and_a_replaced_one_read_again(monkeypatch):
    from django.core.files.base import ContentFile

    publication = Publication(title_it="Atti", year=2004)
    publication.document.save("atti.pdf", ContentFile(PLAN), save=False)
    publication.save()
    assert publication.pages == 2 and publication.cover
    publication = Publication.objects.get()
    publication.document = _pdf("Nuovo testo")
    publication.save()
    assert "Nuovo testo" in publication.text and publication.pages == 1
    # Saving again without a new document reads nothing.
    publication = Publication.objects.get()
    monkeypatch.setattr(Publication, "read_document", lambda self: pytest.fail("read again"))
    publication.title_it = "Atti (rivisti)"
    publication.save()


def test_a_city_page_lists_its_publications(client):
    city = CityFactory(name_it="Pesaro", name_en="Pesaro")
    plan = PublicationFactory(title_it="Piano di Pesaro", kind="plan", year=2004)
    plan.cities.add(city)
    PublicationFactory(title_it="Di un'altra città")
    html = client.get(city.get_absolute_url()).text
    assert "Piano di Pesaro" in html and "Di un&#x27;altra città" not in html
    assert "piano strategico, 2004" in html
