import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connections, models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import City
from recs.common.addresses import address_of
from recs.common.publication import Scheduled, ScheduledQuerySet
from recs.common.rich_text import RichTextField
from recs.common.translation_rules import BilingualModel

FIRST_YEAR = 2003  # the network was founded on 16 October 2003


class WorkingGroup(BilingualModel):
    """A working group of the network for one year."""

    slug_source = "name"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the group's address, in each language."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(2100)]
    )
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    description = RichTextField(_("description"), blank=True)
    coordinating_city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_groups",
        limit_choices_to={"role": City.Role.MEMBER},
        verbose_name=_("coordinating city"),
    )
    member_cities = models.ManyToManyField(
        City,
        blank=True,
        related_name="working_groups",
        limit_choices_to={"role": City.Role.MEMBER},
        verbose_name=_("member cities"),
    )

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self):
        return f"{self.name} ({self.year})"

    def get_absolute_url(self):
        return address_of("events:workinggroup-detail", year=self.year, slug=self.slug)


#: The first day of the next year or month after ``day``, in each database's SQL.
PERIOD_STEP = {
    "postgresql": {
        "year": "(date_trunc('year', {day}) + interval '1 year')::date",
        "month": "(date_trunc('month', {day}) + interval '1 month')::date",
    },
    "sqlite": {
        "year": "date({day}, 'start of year', '+1 year')",
        "month": "date({day}, 'start of month', '+1 month')",
    },
}
#: An event's last day: its end date, or its start date when it lasts one day.
LAST_DAY = Coalesce("end_date", "start_date")
#: The longest an event lasts (see Event.clean): an event not over yet started after
#: today minus this, which lets the agenda read its date index from there.
LONGEST = datetime.timedelta(days=366)


#: What ``event_item`` reads of an event (besides its host city's name).
EVENT_ITEM_FIELDS = ("title", "slug", "kind", "start_date", "end_date", "start_time", "host_city")


class EventQuerySet(ScheduledQuerySet):
    def for_lists(self):
        """What a list of events shows (``event_item``): with the host city's name, and
        without the texts only an event's own page shows."""
        return self.select_related("host_city").only(
            *EVENT_ITEM_FIELDS, "host_city__name", "publish_at", "unpublish_at", "is_published"
        )

    def upcoming(self, today=None):
        """Published events that have not ended yet, soonest first (read from the date
        index from a year ago on, see ``LONGEST``, not from the first event ever)."""
        today = today or timezone.localdate()
        return (
            self.published()
            .alias(last_day=LAST_DAY)
            .filter(last_day__gte=today, start_date__gte=today - LONGEST)
            .order_by("start_date", "start_time", "pk")
        )

    def published_years(self):
        """The first day of each year with a published event, latest first."""
        return self._published_periods("year")[::-1]

    def published_months(self):
        """The first day of each month with a published event, in order."""
        return self._published_periods("month")

    def _published_periods(self, period):
        """A loose index scan: from the first event, jump to the first event of the next
        year (or month) and so on, one probe of the date index each, in one recursive
        query; ``dates()`` reads every event instead."""
        connection = connections[self.db]
        step = PERIOD_STEP[connection.vendor][period].format(day="periods.day")
        table = self.model._meta.db_table
        # What ``on_air()`` says, in SQL: published, within its window if it has one.
        public = "is_published = %s AND (publish_at IS NULL OR publish_at <= %s) AND (unpublish_at IS NULL OR unpublish_at > %s)"
        sql = f"""
            WITH RECURSIVE periods(day) AS (
                SELECT MIN(start_date) FROM {table} WHERE {public}
                UNION ALL
                SELECT (SELECT MIN(start_date) FROM {table} WHERE {public} AND start_date >= {step})
                FROM periods WHERE periods.day IS NOT NULL
            )
            SELECT day FROM periods WHERE day IS NOT NULL
        """
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [True, now, now] * 2)
            days = [
                row[0] if isinstance(row[0], datetime.date) else datetime.date.fromisoformat(row[0])
                for row in cursor
            ]
        return [day.replace(day=1) if period == "month" else day.replace(month=1, day=1) for day in days]

    def past(self, today=None):
        """Published events that are over, latest first (an event over by today started
        before it: said too, so that the date index is read from today backwards)."""
        today = today or timezone.localdate()
        return (
            self.published()
            .alias(last_day=LAST_DAY)
            .filter(last_day__lt=today, start_date__lt=today)
            .order_by("-start_date", "-start_time", "-pk")
        )


class Event(Scheduled, BilingualModel):
    """An item of the agenda: an assembly, a working-group meeting, a seminar, ..."""

    slug_source = "title"

    class Kind(models.TextChoices):
        ASSEMBLY = "assembly", _("assembly")
        MEETING = "meeting", _("working-group meeting")
        SEMINAR = "seminar", _("seminar or conference")
        OTHER = "other", _("other")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the event's address, in each language."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.MEETING)
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Leave empty for an all-day event.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty if it ends on the start date.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    host_city = models.ForeignKey(
        City,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host city"),
    )
    working_group = models.ForeignKey(
        WorkingGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("working group"),
    )
    description = RichTextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-start_time", "-pk"]
        # The agenda in date order, both ways (coming and past events, archives by month).
        indexes = [models.Index(fields=["start_date", "start_time", "id"], name="event_in_date_order")]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address_of(
            "events:event-detail", year=self.start_date.year, month=self.start_date.month, slug=self.slug
        )

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def last_date(self):
        return self.end_date or self.start_date

    @property
    def starts_at(self):
        """Aware start (Europe/Rome), or None for an all-day event."""
        if self.is_all_day:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.start_date, self.start_time))

    @property
    def ends_at(self):
        """Aware end (Europe/Rome), or None when no end time is given."""
        if self.is_all_day or self.end_time is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.last_date, self.end_time))

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        elif self.end_date and self.start_date and self.end_date - self.start_date > LONGEST:
            errors["end_date"] = _(
                "An event lasts at most a year: for something longer, enter its opening and its closing as events."
            )
        if self.end_time and not self.start_time:
            errors["end_time"] = _("Give a start time too, or leave both times empty for an all-day event.")
        elif (
            self.start_time
            and self.end_time
            and self.last_date == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The end time must come after the start time.")
        if errors:
            raise ValidationError(errors)
