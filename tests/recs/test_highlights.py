import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from recs.pages.models import Highlight
from tests.querycount import assert_fixed_query_count

pytestmark = pytest.mark.django_db


def jpeg(name="assemblea.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 600), (0, 102, 204)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def spotlight(html):
    return html.split('id="highlights"')[1].split("</section>")[0]


def test_the_home_page_shows_the_first_three_published_highlights_in_order(client, seeded):
    Highlight.objects.create(
        title_it="Assemblea 2027",
        title_en="2027 assembly",
        summary_it="A Torino, il 12 marzo.",
        summary_en="In Turin, on 12 March.",
        link_it="/it/agenda/",
        link_en="/en/agenda/",
        image=jpeg(),
        image_description_it="La sala dell'assemblea",
        image_description_en="The assembly hall",
        menu_order=2,
        is_published=True,
    )
    Highlight.objects.create(
        title_it="Nuovo rapporto", link_it="https://example.org/rapporto", menu_order=1, is_published=True
    )
    Highlight.objects.create(title_it="Bozza", link_it="/it/", is_published=False)
    for n in range(3):
        Highlight.objects.create(title_it=f"Altro {n}", link_it="/it/", menu_order=9, is_published=True)

    italian = spotlight(client.get("/it/").text)
    assert "In evidenza" in client.get("/it/").text
    assert italian.count('class="card-title') == 3
    assert italian.index("Nuovo rapporto") < italian.index("Assemblea 2027")  # by their order
    assert "Bozza" not in italian
    assert '<a href="/it/agenda/" class="stretched-link">Assemblea 2027</a>' in italian
    assert 'alt="La sala dell&#x27;assemblea"' in italian and "/media/renditions/640/" in italian

    english = spotlight(client.get("/en/").text)
    assert '<a href="/en/agenda/" class="stretched-link">2027 assembly</a>' in english
    assert 'alt="The assembly hall"' in english
    assert (
        '<h3 class="card-title h5" lang="it"><a href="https://example.org/rapporto"' in english
    )  # not translated yet


def test_no_highlight_no_section(client, seeded):
    assert 'id="highlights"' not in client.get("/it/").text


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "//elsewhere.example", "agenda", "ftp://example.org/"]
)
def test_a_link_is_an_address_of_the_site_or_a_web_address(link):
    with pytest.raises(ValidationError) as error:
        Highlight(title_it="Prova", link_it=link).full_clean()
    assert "link_it" in error.value.message_dict


def test_the_home_page_costs_the_same_with_more_highlights(client, seeded):
    def grow():
        for n in range(5):
            Highlight.objects.create(title_it=f"Carta {n}", link_it="/it/", is_published=True)

    assert_fixed_query_count(client, ["/it/", "/en/"], grow=grow)
