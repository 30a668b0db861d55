"""Resized renditions of uploaded images, made once with Pillow and kept beside the media.

Pages never serve the uploaded original (which may be a large scan): they ask for a
rendition of the width they show, made the first time it is asked for.
"""

import io
import logging
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

RENDITION_FORMAT = "WEBP"


def rendition_name(name, width):
    path = PurePosixPath(name)
    return str(PurePosixPath("renditions") / str(width) / path.parent / f"{path.stem}.webp")


def rendition_url(image_file, width):
    """URL of the image scaled to at most ``width`` pixels wide ("" if there is none)."""
    if not image_file:
        return ""
    storage = image_file.storage
    name = rendition_name(image_file.name, width)
    if not storage.exists(name):
        try:
            with storage.open(image_file.name, "rb") as original, Image.open(original) as image:
                image = ImageOps.exif_transpose(image)
                image.thumbnail((width, width * 4))
                if image.mode not in ("RGB", "RGBA"):
                    image = image.convert("RGBA" if "transparency" in image.info else "RGB")
                buffer = io.BytesIO()
                image.save(buffer, RENDITION_FORMAT, quality=85)
        except (OSError, ValueError):
            logger.warning("Cannot make a rendition of %s", image_file.name, exc_info=True)
            return ""
        storage.save(name, ContentFile(buffer.getvalue()))
    return storage.url(name)
