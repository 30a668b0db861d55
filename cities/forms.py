from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Region, Status


class CityFilterForm(forms.Form):
    """The directory's filters; values are language-neutral codes so links work in both languages."""

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any status"))] + Status.choices
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("any region"))] + Region.choices
    )
