"""Validation of uploaded files: a real image or a real PDF, of bounded size.

Django's ``ImageField`` form field already refuses files Pillow cannot read;
these validators add the limits (bytes and pixels, which catches decompression
bombs), decode the whole image (a truncated file is refused now, not broken on
every page later), refuse PDFs that carry active content (scripts, launch actions,
embedded files), and run on the model so every form gets them.
"""

import warnings

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # e.g. 8000 × 5000, plenty for a scanned clipping
ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
MAX_PDF_BYTES = 20 * 1024 * 1024

validate_pdf_extension = FileExtensionValidator(["pdf"])


def _is_new_upload(value):
    # A file already stored was validated when it was uploaded; only new ones are read.
    return not getattr(value, "_committed", False)


def _check_size(value, limit):
    if value.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(value.size), "limit": filesizeformat(limit)},
        )


def validate_image_upload(value):
    if not _is_new_upload(value):
        return
    _check_size(value, MAX_IMAGE_BYTES)
    value.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(value) as image:
                width, height = image.size
                image_format = image.format
                image.verify()
            if width * height <= MAX_IMAGE_PIXELS:
                value.seek(0)
                with Image.open(value) as image:
                    image.load()  # every pixel: verify() alone misses a truncated file
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image has too many pixels; the largest accepted is %(limit)s million."),
            code="too_many_pixels",
            params={"limit": MAX_IMAGE_PIXELS // 1_000_000},
        ) from None
    except Exception:
        raise ValidationError(
            _("The file is not an image that can be read. Upload a JPEG, PNG, GIF or WebP image."),
            code="invalid_image",
        ) from None
    finally:
        value.seek(0)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(
            _("Images in %(format)s format are not accepted. Upload a JPEG, PNG, GIF or WebP image."),
            code="invalid_image_format",
            params={"format": image_format},
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; the largest accepted is %(limit)s million pixels."
            ),
            code="too_many_pixels",
            params={"width": width, "height": height, "limit": MAX_IMAGE_PIXELS // 1_000_000},
        )


def validate_pdf_upload(value):
    if not _is_new_upload(value):
        return
    _check_size(value, MAX_PDF_BYTES)
    value.seek(0)
    head = value.read(1024)
    value.seek(max(value.size - 2048, 0))
    tail = value.read()
    value.seek(0)
    if b"%PDF-" not in head or b"%%EOF" not in tail:
        raise ValidationError(
            _("The file is not a complete PDF document. Upload a PDF file."), code="invalid_pdf"
        )
    try:
        active = active_pdf_content(value)
    except Exception:
        raise ValidationError(
            _("The file is not a PDF document that can be read. Upload a PDF file."), code="invalid_pdf"
        ) from None
    finally:
        value.seek(0)
    if active:
        raise ValidationError(
            _(
                "The PDF contains %(what)s, which the site does not publish. Save it again as a plain PDF "
                "(for example with “Print to PDF”) and upload that."
            ),
            code="active_pdf",
            params={"what": ", ".join(sorted(active))},
        )


#: What a PDF may carry that runs or opens something on the reader's computer.
ACTIVE_PDF_NAMES = {
    "/JavaScript": _("scripts"),
    "/JS": _("scripts"),
    "/Launch": _("commands that open other programs"),
    "/EmbeddedFile": _("embedded files"),
    "/EmbeddedFiles": _("embedded files"),
    "/RichMedia": _("embedded media"),
}


def active_pdf_content(file):
    """The kinds of active content found anywhere in the PDF's objects (a set of labels)."""
    from pypdf import PdfReader
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    reader = PdfReader(file, strict=False)
    found, seen = set(), set()
    pending = [reader.trailer]
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in seen:
                continue
            seen.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                for name in (key, value if isinstance(value, NameObject) else None):
                    if name in ACTIVE_PDF_NAMES:
                        found.add(str(ACTIVE_PDF_NAMES[name]))
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return found
