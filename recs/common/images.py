"""Uploaded images: stored without their metadata, and shown as resized renditions.

- ``StrippedImageField`` stores each new upload re-encoded by Pillow: its orientation
  applied, its metadata gone (EXIF can hold the GPS position where a photo was taken).
- Pages never serve the uploaded original (which may be a large scan): they ask for a
  rendition of the width they show, made once, the first time it is asked for, and
  named after the stored file (two uploads never share a rendition).
"""

import hashlib
import io
import logging
import time
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import models
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

RENDITION_FORMAT = "WEBP"


def without_metadata(upload):
    """The upload's image re-encoded in its own format: orientation applied, no metadata."""
    upload.seek(0)
    with Image.open(upload) as original:
        image_format = original.format
        animated = getattr(original, "is_animated", False)
        options = (
            {"icc_profile": original.info.get("icc_profile")} if original.info.get("icc_profile") else {}
        )
        buffer = io.BytesIO()
        if animated:
            original.save(buffer, image_format, save_all=True, **options)
        else:
            image = ImageOps.exif_transpose(original)
            if image_format == "JPEG":
                options |= {"quality": 90, "optimize": True}
            image.save(buffer, image_format, **options)
    upload.seek(0)
    return buffer.getvalue()


class StrippedImageField(models.ImageField):
    """An ImageField that stores new uploads without metadata (see ``without_metadata``)."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = ContentFile(without_metadata(file.file), name=file.name)
        return super().pre_save(model_instance, add)


def rendition_name(name, width):
    """The rendition's name: unique to the stored file (its name, extension included)."""
    path = PurePosixPath(name)
    key = hashlib.sha256(name.encode()).hexdigest()[:10]
    return str(PurePosixPath("renditions") / str(width) / path.parent / f"{path.stem}-{key}.webp")


def rendition_url(image_file, width):
    """URL of the image scaled to at most ``width`` pixels wide ("" if there is none)."""
    if not image_file:
        return ""
    storage = image_file.storage
    name = rendition_name(image_file.name, width)
    if not storage.exists(name) and not make_rendition(image_file, name, width):
        return ""
    return storage.url(name)


def make_rendition(image_file, name, width):
    """Make the rendition once: the first request takes a lock (in the shared cache) and
    writes it; another one asking meanwhile waits for it a few seconds."""
    storage = image_file.storage
    lock = f"rendition-lock:{name}"
    if not cache.add(lock, 1, timeout=60):
        for _ in range(50):
            time.sleep(0.1)
            if storage.exists(name):
                return True
        return False
    try:
        if storage.exists(name):
            return True
        with storage.open(image_file.name, "rb") as original, Image.open(original) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((width, width * 4))
            if image.mode not in ("RGB", "RGBA"):
                image = image.convert("RGBA" if "transparency" in image.info else "RGB")
            buffer = io.BytesIO()
            image.save(buffer, RENDITION_FORMAT, quality=85)
        storage.save(name, ContentFile(buffer.getvalue()))
        return True
    except (OSError, ValueError):
        logger.warning("Cannot make a rendition of %s", image_file.name, exc_info=True)
        return False
    finally:
        cache.delete(lock)
