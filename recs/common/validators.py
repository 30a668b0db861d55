"""Validation of uploaded files: a real image or a real PDF, of bounded size.

Django's ``ImageField`` form field already refuses files Pillow cannot read;
these validators add the limits (bytes and pixels, which catches decompression
bombs) and the PDF check, and run on the model so every form gets them.
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
