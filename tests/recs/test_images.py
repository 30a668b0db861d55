import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from recs.common.images import rendition_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def jpeg(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, "JPEG")
    return buffer.getvalue()


def test_article_page_shows_a_resized_rendition_not_the_original(client, settings):
    article = ArticleFactory(headline_it="Ritaglio", headline_en="Clipping")
    article.clipping_image.save("scan.jpg", ContentFile(jpeg(3000, 4000)))
    html = client.get(article.get_absolute_url()).text
    [src] = [part.split('"')[0] for part in html.split('class="clipping-image" src="')[1:]]
    assert src.startswith("/media/renditions/960/") and src.endswith(".webp")
    with Image.open(settings.MEDIA_ROOT / src.removeprefix("/media/")) as rendition:
        assert rendition.size == (960, 1280)
    assert "scan.jpg" not in html


def test_rendition_is_made_once(settings):
    article = ArticleFactory()
    article.clipping_image.save("scan.jpg", ContentFile(jpeg(1200, 800)))
    first = rendition_url(article.clipping_image, 300)
    path = settings.MEDIA_ROOT / first.removeprefix("/media/")
    made = path.stat().st_mtime_ns
    assert rendition_url(article.clipping_image, 300) == first
    assert path.stat().st_mtime_ns == made


def test_missing_original_gives_no_rendition_not_an_error(client):
    article = ArticleFactory()
    article.clipping_image.name = "press/images/2005/gone.jpg"
    article.save()
    assert rendition_url(article.clipping_image, 300) == ""
    assert client.get(article.get_absolute_url()).status_code == 200
