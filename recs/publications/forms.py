from django import forms
from django.utils.translation import gettext_lazy as _

from cities.forms import CityBoxMixin, CityByNameField
from events.models import WorkingGroup

from .models import Publication


class PublicationFilterForm(CityBoxMixin, forms.Form):
    """The library's filters; an address with a bad value gets a message, not an error."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("In the titles, the summaries and the text of the documents."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("any kind")), *Publication.Kind.choices]
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(
        label=_("Language of the document"),
        required=False,
        choices=[("", _("any language")), *Publication.Language.choices],
    )
    city = CityByNameField(label=_("City"), required=False, help_text=_("Type a few letters of its name."))
    group = forms.ModelChoiceField(
        label=_("Working group"), required=False, queryset=WorkingGroup.objects.none(), to_field_name="pk"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = Publication.objects.published()
        self.fields["year"].choices = [("", _("any year"))] + [(year, year) for year in published.years()]
        self.fields["group"].queryset = (
            WorkingGroup.objects.filter(publications__in=published).distinct().order_by("-year", "name_it")
        )
        self.fields["group"].empty_label = _("any working group")

    def clean_q(self):
        return self.cleaned_data["q"].replace("\x00", "").strip()
