from html import escape

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cities.models import City
from recs.common.languages import translated_rows

from .models import Outlet


class ArticleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text=_("For example 2004-12."),
    )
    outlet = forms.ModelChoiceField(
        label=_("Outlet"), required=False, queryset=Outlet.objects.all(), to_field_name="slug"
    )
    city = forms.ModelChoiceField(
        label=_("City"), required=False, queryset=City.objects.all(), to_field_name="slug_it"
    )

    def city_options(self):
        """The city filter's options, by name: thousands of them at scale, so drawn here
        rather than by the template engine."""
        chosen = self.data.get("city", "")
        rows = translated_rows(City.objects.all(), plain=("slug_it",), translated=("name",))
        return mark_safe(  # noqa: S308 (every value is escaped)
            "".join(
                f'<option value="{escape(slug)}"{" selected" if slug == chosen else ""}>{escape(name)}</option>'
                for slug, name in sorted(rows, key=lambda row: row[1].casefold())
            )
        )
