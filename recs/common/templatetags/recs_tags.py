"""Template helpers for the public site's two languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.safestring import mark_safe

from recs.common.images import rendition_url
from recs.common.languages import first

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The same page in every language: (code, name, absolute URL, is current).

    An object page links to the object's own address in the other language (its slug
    is translated too); any other page keeps its path arguments and query string.
    """
    request = context["request"]
    obj = context.get("object")
    current = translation.get_language()
    alternates = []
    for code, name in settings.LANGUAGES:
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(code):
                path = obj.get_absolute_url()
        else:
            path = translate_url(request.path, code)
        query = request.GET.urlencode()
        if query and obj is None:
            path = f"{path}?{query}"
        alternates.append(
            {"code": code, "name": name, "url": request.build_absolute_uri(path), "current": code == current}
        )
    return alternates


@register.filter
def shown_in_italian(obj, field):
    """True when this field has no text in the visitor's language, so that the site's
    first language (Italian) is shown instead."""
    language = translation.get_language()
    if language == first():
        return False
    return bool(getattr(obj, f"{field}_{first()}", None)) and not getattr(obj, f"{field}_{language}", None)


@register.filter
def lang_of(obj, field):
    """`` lang="it"`` on the element showing ``field`` when its text is the Italian one
    standing in for a missing translation, so that screen readers pronounce it as
    Italian (WCAG 3.1.2); nothing otherwise."""
    return mark_safe(f' lang="{first()}"') if shown_in_italian(obj, field) else ""  # noqa: S308 (a code)


@register.filter
def rendition(image_file, width):
    """``{{ article.clipping_image|rendition:960 }}``: URL of a resized copy of the image."""
    return rendition_url(image_file, int(width))


@register.filter
def rich_text(value):
    """Rich text as HTML (it was sanitised when saved: ``recs.common.rich_text``)."""
    from recs.common.rich_text import as_html

    return as_html(value)


@register.filter
def plain_text(value):
    """Rich text without its markup: for meta descriptions, feeds and cards."""
    from recs.common.rich_text import as_plain_text

    return as_plain_text(value)
