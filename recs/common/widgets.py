"""Form widgets of the project's own."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class LongSelect(forms.Select):
    """A ``<select>`` whose options are written here rather than by one template include
    each: the same markup as Django's, for lists of hundreds (the 250 countries cost
    10 ms a form through the templates)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        groups = []
        for group_value, group_label in self.choices:
            if isinstance(group_label, list | tuple):
                groups.append(
                    format_html(
                        '<optgroup label="{}">{}</optgroup>', group_value, self.options(group_label, chosen)
                    )
                )
            else:
                groups.append(self.options([(group_value, group_label)], chosen))
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            mark_safe("".join(groups)),  # noqa: S308 (each part made by format_html)
        )

    @staticmethod
    def options(choices, chosen):
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, " selected" if str(value) in chosen else "", label)
                for value, label in ((("" if value is None else value), label) for value, label in choices)
            ),
        )
