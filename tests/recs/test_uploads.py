"""Uploads through the back office: real images and PDFs of bounded size, or a form error."""

import io
import struct
import zlib

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript

from cities.models import City, StrategicPlan
from recs.common import validators
from tests.factories import CityFactory

pytestmark = pytest.mark.django_db


def png_bytes(width=40, height=30):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def bomb_png(width=20_000, height=20_000):
    """A tiny PNG whose header claims 400 million pixels."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (1 + width // 8) * 10)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def pdf_bytes(script=None, attachment=None):
    """A real one-page PDF, made with pypdf; optionally carrying a script or an attachment."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if script:
        writer.add_open_action(JavaScript(script))
    if attachment:
        writer.add_attachment("allegato.txt", attachment)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def stored_files():
    root = settings.MEDIA_ROOT
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def add_city(client, emblem):
    data = {
        "name_it": "Lucca",
        "slug_it": "lucca",
        "slug_en": "lucca",
        "role": "member",
        "kind": "municipality",
        "country": "IT",
        "region": "toscana",
        "emblem": emblem,
        "status_changes-TOTAL_FORMS": "0",
        "status_changes-INITIAL_FORMS": "0",
        "plans-TOTAL_FORMS": "0",
        "plans-INITIAL_FORMS": "0",
    }
    return client.post(reverse("admin:cities_city_add"), data, headers={"accept-language": "en"})


def emblem_errors(response):
    return response.context["adminform"].form.errors.get("emblem", [])


def test_a_real_image_is_stored(client, superuser):
    client.force_login(superuser)
    response = add_city(client, SimpleUploadedFile("stemma.png", png_bytes(), "image/png"))
    assert response.status_code == 302
    city = City.objects.get(slug_it="lucca")
    assert city.emblem.name.startswith("cities/emblems/stemma")
    assert Image.open(city.emblem.path).size == (40, 30)


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("stemma.png", b"not an image at all", "image/png"), "valid image"),
        (SimpleUploadedFile("stemma.png", bomb_png(), "image/png"), "image"),
        (SimpleUploadedFile("stemma.pdf", pdf_bytes(), "application/pdf"), "valid image"),
    ],
    ids=["renamed-text-file", "decompression-bomb", "pdf-as-image"],
)
def test_bad_images_get_a_form_error_and_nothing_is_stored(client, superuser, upload, message):
    client.force_login(superuser)
    before = stored_files()
    response = add_city(client, upload)
    assert response.status_code == 200
    assert any(message in str(error) for error in emblem_errors(response)), emblem_errors(response)
    assert not City.objects.filter(slug_it="lucca").exists()
    assert stored_files() == before


def test_image_with_too_many_pixels(client, superuser, monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_PIXELS", 1000)
    client.force_login(superuser)
    response = add_city(client, SimpleUploadedFile("grande.png", png_bytes(50, 50), "image/png"))
    assert emblem_errors(response) == [
        "The image is 50 × 50 pixels; the largest accepted is 0 million pixels."
    ]


def test_image_too_large_in_bytes(client, superuser, monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 20)
    client.force_login(superuser)
    response = add_city(client, SimpleUploadedFile("pesante.png", png_bytes(), "image/png"))
    assert "the largest accepted is 20\xa0bytes" in emblem_errors(response)[0]
    assert not City.objects.filter(slug_it="lucca").exists()


def add_plan(client, city, document):
    return client.post(
        reverse("admin:cities_strategicplan_add"),
        {"city": city.pk, "edition": 1, "title_it": "Piano strategico", "document": document},
        headers={"accept-language": "en"},
    )


def test_a_real_pdf_is_stored(client, superuser):
    client.force_login(superuser)
    city = CityFactory()
    response = add_plan(client, city, SimpleUploadedFile("piano.pdf", pdf_bytes(), "application/pdf"))
    assert response.status_code == 302
    assert StrategicPlan.objects.get(city=city).document.read().startswith(b"%PDF-")


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("piano.pdf", b"<html>not a pdf</html>", "application/pdf"),
        SimpleUploadedFile("piano.pdf", b"%PDF-1.4\ntruncated", "application/pdf"),
        SimpleUploadedFile("piano.docx", pdf_bytes(), "application/pdf"),
    ],
    ids=["html-renamed", "truncated", "wrong-extension"],
)
def test_bad_pdfs_get_a_form_error(client, superuser, upload):
    client.force_login(superuser)
    city = CityFactory()
    before = stored_files()
    response = add_plan(client, city, upload)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["document"]
    assert not StrategicPlan.objects.exists()
    assert stored_files() == before


def photo_with_metadata():
    """A 60 × 40 JPEG taken sideways (EXIF orientation 6), with the camera and a GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "Fotocamera"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90° to show it upright
    exif.get_ifd(0x8825)[2] = (45.0, 4.0, 12.0)  # GPSLatitude
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "teal").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_images_are_stored_upright_without_their_metadata(client, superuser):
    client.force_login(superuser)
    upload = photo_with_metadata()
    assert Image.open(io.BytesIO(upload)).getexif()  # the original carries it
    response = add_city(client, SimpleUploadedFile("stemma.jpg", upload, "image/jpeg"))
    assert response.status_code == 302
    with Image.open(City.objects.get(slug_it="lucca").emblem.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (40, 60)  # turned upright
        assert dict(stored.getexif()) == {}  # no camera, no GPS, no orientation left


def truncated_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "teal").save(buffer, "JPEG")
    return buffer.getvalue()[:-200]  # its header is whole: only decoding every pixel finds the cut


def test_a_truncated_image_is_refused_and_nothing_is_stored(client, superuser):
    # The validator decodes every pixel, whatever the form field checked before it.
    with pytest.raises(ValidationError, match="not an image that can be read"):
        validators.validate_image_upload(SimpleUploadedFile("stemma.jpg", truncated_jpeg(), "image/jpeg"))
    client.force_login(superuser)
    before = stored_files()
    response = add_city(client, SimpleUploadedFile("stemma.jpg", truncated_jpeg(), "image/jpeg"))
    assert response.status_code == 200
    assert emblem_errors(response)
    assert not City.objects.filter(slug_it="lucca").exists()
    assert stored_files() == before


@pytest.mark.parametrize(
    "document, what",
    [(pdf_bytes(script="app.alert('ciao')"), "scripts"), (pdf_bytes(attachment=b"MZ"), "embedded files")],
    ids=["javascript", "embedded-file"],
)
def test_a_pdf_with_active_content_is_refused_and_nothing_is_stored(client, superuser, document, what):
    client.force_login(superuser)
    city = CityFactory()
    before = stored_files()
    response = add_plan(client, city, SimpleUploadedFile("piano.pdf", document, "application/pdf"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["document"]
    assert f"The PDF contains {what}" in errors[0]
    assert not StrategicPlan.objects.filter(city=city).exists()
    assert stored_files() == before


def test_two_same_named_uploads_keep_their_own_renditions(settings):
    from django.core.files.base import ContentFile

    from recs.common.images import rendition_url
    from tests.factories import ArticleFactory

    def image(colour, image_format):
        buffer = io.BytesIO()
        Image.new("RGB", (200, 100), colour).save(buffer, image_format)
        return buffer.getvalue()

    red, blue = ArticleFactory(), ArticleFactory()
    red.clipping_image.save("same.jpg", ContentFile(image("red", "JPEG")))
    blue.clipping_image.save("same.png", ContentFile(image("blue", "PNG")))
    red_url, blue_url = rendition_url(red.clipping_image, 100), rendition_url(blue.clipping_image, 100)
    assert red_url != blue_url
    colours = []
    for url in (red_url, blue_url):
        with Image.open(settings.MEDIA_ROOT / url.removeprefix("/media/")) as rendition:
            colours.append(rendition.convert("RGB").getpixel((50, 25)))
    assert colours[0][0] > 200 and colours[1][2] > 200  # red stays red, blue stays blue
