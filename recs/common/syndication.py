"""Feeds and calendars that accept any text staff can type.

XML 1.0 and iCalendar forbid control characters (a line break typed with Shift+Enter
in a word processor is one: U+000B); they are removed on output, so one pasted
headline never breaks a feed. Atom summaries are plain text and say so.
"""

import re

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

# Every C0 control character but tab, line feed and carriage return, and DEL.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(value):
    """``value`` without control characters (strings, and the strings in lists)."""
    if isinstance(value, str):
        return CONTROL_CHARACTERS.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(printable(item) for item in value)
    return value


class PrintableTextMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*printable(args), **{key: printable(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*printable(args), **{key: printable(value) for key, value in kwargs.items()})


class RssFeed(PrintableTextMixin, Rss201rev2Feed):
    pass


class AtomFeed(PrintableTextMixin, Atom1Feed):
    def add_item_elements(self, handler, item):
        # Django labels the summary as HTML; the site's summaries are plain text.
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
