"""Recording status changes: the one way a city's adhesion status moves.

``record_status_change`` checks the rules (``StatusChange.clean``) for every city,
refuses a change when someone else recorded one for the same city since the form
was opened, saves all or nothing, and tells the association's office by e-mail
(queued in the same transaction, so the notice exists exactly when the change does).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .models import City, StatusChange


def record_status_change(
    cities,
    *,
    status,
    effective_date,
    user,
    opened_at,
    reference_it="",
    reference_en="",
    note_it="",
    note_en="",
    is_correction=False,
    recorded_by_name="",
    notify=True,
):
    """Record the same change for each city; returns the new StatusChange objects.

    ``opened_at`` is when the person saw the cities' history (the form was opened):
    a change recorded for one of them after that is a conflict. Raises
    ValidationError, with one message per city, when anything is refused.
    ``is_correction``: the change supersedes each city's latest entry in force.
    ``user`` may be None for what the site records itself (the seed), named by
    ``recorded_by_name``; ``notify=False`` does not tell the office.
    """
    city_ids = sorted(city.pk for city in cities)
    with transaction.atomic():
        # Lock the cities (in a fixed order): a second, simultaneous recording for the
        # same city waits here, then sees the first one's change and is refused.
        locked = list(City.objects.select_for_update().filter(pk__in=city_ids).order_by("pk"))
        recorded_since = (
            StatusChange.objects.filter(city__in=locked, recorded_at__gt=opened_at)
            .select_related("city")
            .order_by("city__name")
        )
        conflicts = sorted({change.city.name for change in recorded_since})
        if conflicts:
            raise ValidationError(
                _(
                    "Someone else recorded a change for %(cities)s while you were filling in the "
                    "form. Nothing has been saved: check the history and try again."
                )
                % {"cities": ", ".join(conflicts)},
                code="conflict",
            )
        changes, errors = [], []
        for city in locked:
            latest = StatusChange.objects.filter(city=city).latest_in_force()
            change = StatusChange(
                city=city,
                status=status,
                effective_date=effective_date,
                reference_it=reference_it,
                reference_en=reference_en,
                note_it=note_it,
                note_en=note_en,
                corrects=latest if is_correction else None,
            )
            before = change.entry_before()
            change.previous_status = before.status if before else ""
            change.record(user, recorded_by_name)
            try:
                change.full_clean()
            except ValidationError as error:
                errors += [f"{city.name}: {message}" for message in error.messages]
            changes.append(change)
        if is_correction and any(change.corrects is None for change in changes):
            errors.append(_("There is nothing to correct for a city without a status."))
        if errors:
            raise ValidationError(errors)
        for change in changes:
            change.save()
        if notify:
            notify_office(changes)
    return changes


def notify_office(changes):
    """Queue a mail telling the association's office what changed (in the office's language)."""
    if not changes or not settings.RECS_OFFICE_EMAIL:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"changes": changes, "recorded_by": changes[0].recorded_by_name}
        subject = render_to_string("cities/mail/status_change_subject.txt", context).strip()
        body = render_to_string("cities/mail/status_change_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [settings.RECS_OFFICE_EMAIL])
