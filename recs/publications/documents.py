"""What the site reads from an uploaded PDF: a cover drawn from its first page, its text
(for the search) and its number of pages.

The cover is rendered by PDFium (pypdfium2, the engine of Chromium's PDF viewer), the
text read by pypdf. Both run once, when the file is uploaded (``Publication.save``),
never on a visitor's request. A PDF that cannot be drawn or read still publishes:
without a cover, or without text to search.
"""

import io
import logging
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile

logger = logging.getLogger(__name__)

#: The cover's width in pixels (the library's cards and the detail page scale it down).
COVER_WIDTH = 600
#: Text kept for the search: a long report's first ~80 pages are plenty to find it by.
MAX_TEXT = 200_000


@dataclass
class DocumentFacts:
    cover: ContentFile | None
    text: str
    pages: int | None


def read_document(file, name="document"):
    """The facts of the PDF ``file`` (a file object positioned anywhere)."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    return DocumentFacts(cover=cover_of(data, name), text=text_of(data), pages=pages_of(data))


def cover_of(data, name):
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
        try:
            page = document[0]
            scale = COVER_WIDTH / page.get_width()
            image = page.render(scale=scale).to_pil().convert("RGB")
        finally:
            document.close()
    except Exception:  # noqa: BLE001 - any PDFium failure: publish without a cover
        logger.warning("No cover drawn from %s", name, exc_info=True)
        return None
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=f"{name}.jpg")


def text_of(data):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        parts, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= MAX_TEXT:
                break
    except Exception:  # noqa: BLE001 - an unreadable text layer: publish without it
        logger.warning("No text read from a PDF", exc_info=True)
        return ""
    # NUL characters cannot be stored by PostgreSQL; runs of spaces say nothing.
    return re.sub(r"[ \t]+", " ", "\n".join(parts).replace("\x00", " "))[:MAX_TEXT]


def pages_of(data):
    from pypdf import PdfReader

    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception:  # noqa: BLE001
        return None
