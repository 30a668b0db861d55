"""Rich text: what editors may write in a page, an event, a group, a clipping's summary,
a publication or a newsletter, and how it is kept safe.

One allow-list serves the editor and the sanitiser (django-prose-editor derives nh3's
rules from the editor's extensions): headings, bold, italic, lists, links, quotes and
tables, nothing else. Every save cleans the HTML again (``RichTextField.pre_save``), so
text that reaches the database another way (the seed, imports, a shell) is held to the
same rule as the admin's forms; plain text with blank lines between paragraphs, as the
site stored it before, becomes paragraphs on the way.

Links to the site's own content are written as its addresses: when a slug changes, the
old address answers 301 with the new one (``FormerSlug``), so they keep working.
"""

import html
import re

import nh3
from django import forms
from django.contrib.admin.widgets import AdminTextareaWidget
from django.utils.html import linebreaks, strip_tags
from django.utils.safestring import mark_safe
from django_prose_editor.config import allowlist_from_extensions, expand_extensions
from django_prose_editor.fields import ProseEditorField
from django_prose_editor.widgets import AdminProseEditorWidget

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    # The page's title is its h1: the text starts at h2.
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}


def _without_empty_attributes(tag, attribute, value):
    """The editor writes ``title=""`` on links with no title: say nothing instead."""
    return value or None


_cleaner = nh3.Cleaner(
    **allowlist_from_extensions(expand_extensions(EXTENSIONS)), attribute_filter=_without_empty_attributes
)
_LOOKS_LIKE_HTML = re.compile(r"^\s*<[a-zA-Z]")


def sanitize(value):
    """``value`` as safe HTML of the allowed elements: scripts, event handlers, styles and
    ``javascript:`` links are gone. Plain text becomes paragraphs first."""
    if not value:
        return ""
    if not _LOOKS_LIKE_HTML.match(value):
        value = linebreaks(value, autoescape=True)
    cleaned = _cleaner.clean(value)
    # The editor's empty document is one empty paragraph: store nothing.
    return "" if re.fullmatch(r"<(\w+)></\1>", cleaned) else cleaned


def as_plain_text(value):
    """The text without its markup, for summaries, feeds, mails' text part and snippets."""
    text = re.sub(r"</(p|h[2-4]|li|blockquote|tr)>|<br\s*/?>", "\n", value or "")
    text = re.sub(r"</t[dh]>", " ", text)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def as_html(value):
    """Stored rich text, ready for a template (it was sanitised when saved)."""
    return mark_safe(value or "")  # noqa: S308 - cleaned by sanitize() on every save


class RichTextAdminWidget(AdminProseEditorWidget):
    """The back office's editor, with its buttons' labels in the staff's Italian."""

    @property
    def media(self):
        return super().media + forms.Media(js=["recs/admin/editor-labels.js"])


class RichTextField(ProseEditorField):
    """A text field edited with the site's rich-text editor and sanitised on every save.
    Stored as a plain ``TextField`` (migrations see no difference)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        if kwargs.get("widget") in (AdminTextareaWidget,) or isinstance(
            kwargs.get("widget"), AdminTextareaWidget
        ):
            kwargs["widget"] = RichTextAdminWidget
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


def plain_text_becomes_rich(app_label, model_name, fields):
    """A migration operation turning the stored plain text of ``fields`` (each language's
    column) into sanitised HTML, as a save would now store it."""
    from django.conf import settings
    from django.db import migrations

    # The untranslated column too: modeltranslation keeps the first language's text there.
    columns = [
        column
        for field in fields
        for column in [field, *(f"{field}_{code}" for code, _name in settings.LANGUAGES)]
    ]

    def forward(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        changed = []
        for obj in model._base_manager.only("pk", *columns).iterator(chunk_size=2000):
            values = {column: sanitize(getattr(obj, column) or "") for column in columns}
            if any(values[column] != (getattr(obj, column) or "") for column in columns):
                for column, value in values.items():
                    setattr(obj, column, value)
                changed.append(obj)
            if len(changed) >= 2000:
                model._base_manager.bulk_update(changed, columns)
                changed = []
        model._base_manager.bulk_update(changed, columns)

    return migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)
