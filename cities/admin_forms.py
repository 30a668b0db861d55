from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AutocompleteSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import City, Status, StatusChange


class RecordStatusChangeForm(forms.Form):
    """The one short form in which staff record a status change, for one city or several."""

    cities = forms.ModelMultipleChoiceField(
        label=_("Cities"),
        queryset=City.objects.members(),
        help_text=_("Several cities at once, e.g. those admitted by the same assembly."),
    )
    status = forms.ChoiceField(label=_("New status"), choices=[("", "—")] + Status.choices)
    effective_date = forms.DateField(label=_("Effective date"), widget=AdminDateWidget)
    reference_it = forms.CharField(
        label=_("Reference (Italian)"),
        max_length=255,
        required=False,
        help_text=_("What decided it: e.g. the council resolution or the assembly."),
    )
    reference_en = forms.CharField(label=_("Reference (English)"), max_length=255, required=False)
    note_it = forms.CharField(
        label=_("Note (Italian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    note_en = forms.CharField(
        label=_("Note (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_correction = forms.BooleanField(
        label=_("This corrects the latest change of each city"),
        required=False,
        help_text=_(
            "History is never edited: a correction is a new entry. Say in the note what it puts right."
        ),
    )
    opened_at = forms.DateTimeField(widget=forms.HiddenInput)

    def __init__(self, *args, admin_site=admin.site, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("opened_at", timezone.now())
        super().__init__(*args, **kwargs)
        cities = self.fields["cities"]
        cities.widget = AutocompleteSelectMultiple(
            StatusChange._meta.get_field("city"), admin_site, attrs={"style": "width: 40em"}
        )
        cities.widget.choices = cities.choices

    def clean(self):
        data = super().clean()
        if data.get("reference_en") and not data.get("reference_it"):
            self.add_error("reference_it", _("Write the Italian reference before the English one."))
        if data.get("note_en") and not data.get("note_it"):
            self.add_error("note_it", _("Write the Italian note before the English one."))
        return data
