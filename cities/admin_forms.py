import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from recs.common.admin_tools import SafeAutocompleteSelectMultiple

from .models import City, Status, StatusChange

#: How long a record form may stay open before it must be reloaded.
FORM_VALID_FOR = datetime.timedelta(hours=12)
OPENED_AT_SALT = "cities.record-status-change.opened-at"


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
    # When the form was opened, signed: the conflict check relies on it, so it cannot be
    # altered (say, moved into the future to skip the check).
    opened_at = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, admin_site=admin.site, **kwargs):
        opened = timezone.now().isoformat()
        kwargs.setdefault("initial", {}).setdefault("opened_at", signing.dumps(opened, salt=OPENED_AT_SALT))
        super().__init__(*args, **kwargs)
        cities = self.fields["cities"]
        cities.widget = SafeAutocompleteSelectMultiple(
            StatusChange._meta.get_field("city"), admin_site, attrs={"style": "width: 40em"}
        )
        cities.widget.choices = cities.choices

    def clean_opened_at(self):
        try:
            opened = signing.loads(
                self.cleaned_data["opened_at"], salt=OPENED_AT_SALT, max_age=FORM_VALID_FOR
            )
            return datetime.datetime.fromisoformat(opened)
        except (signing.BadSignature, ValueError, TypeError):
            # Shown above the form: the field itself is hidden.
            self.add_error(
                None,
                forms.ValidationError(
                    _("This form has expired or was altered: reload the page and fill it in again."),
                    code="stale_form",
                ),
            )
            return None

    def clean(self):
        data = super().clean()
        if data.get("reference_en") and not data.get("reference_it"):
            self.add_error("reference_it", _("Write the Italian reference before the English one."))
        if data.get("note_en") and not data.get("note_it"):
            self.add_error("note_it", _("Write the Italian note before the English one."))
        return data
