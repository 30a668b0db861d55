from django import forms
from django.utils import timezone
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
    on = forms.DateField(
        label=_("On the date"),
        required=False,
        help_text=_("The network as it stood on a past date."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("Choose a date that is not in the future."))
        return day
