import datetime
from collections import Counter

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import connections, models, router, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value, Window
from django.db.models.functions import ExtractYear, Lag, NullIf, RowNumber
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from recs.common.addresses import address_maker, address_of
from recs.common.images import StrippedImageField
from recs.common.translation_rules import BilingualModel
from recs.common.validators import validate_image_upload, validate_pdf_extension, validate_pdf_upload

#: The network was founded on this day: no adhesion status takes effect before it.
NETWORK_FOUNDED = datetime.date(2003, 10, 16)


class Region(models.TextChoices):
    """The twenty regions of Italy."""

    ABRUZZO = "abruzzo", _("Abruzzo")
    BASILICATA = "basilicata", _("Basilicata")
    CALABRIA = "calabria", _("Calabria")
    CAMPANIA = "campania", _("Campania")
    EMILIA_ROMAGNA = "emilia-romagna", _("Emilia-Romagna")
    FRIULI_VENEZIA_GIULIA = "friuli-venezia-giulia", _("Friuli-Venezia Giulia")
    LAZIO = "lazio", _("Lazio")
    LIGURIA = "liguria", _("Liguria")
    LOMBARDIA = "lombardia", _("Lombardy")
    MARCHE = "marche", _("Marche")
    MOLISE = "molise", _("Molise")
    PIEMONTE = "piemonte", _("Piedmont")
    PUGLIA = "puglia", _("Apulia")
    SARDEGNA = "sardegna", _("Sardinia")
    SICILIA = "sicilia", _("Sicily")
    TOSCANA = "toscana", _("Tuscany")
    TRENTINO_ALTO_ADIGE = "trentino-alto-adige", _("Trentino-South Tyrol")
    UMBRIA = "umbria", _("Umbria")
    VALLE_D_AOSTA = "valle-d-aosta", _("Aosta Valley")
    VENETO = "veneto", _("Veneto")


class Status(models.TextChoices):
    """Where a city stands in its adhesion to the network."""

    PROMOTER = "promoter", _("promoter")
    MEMBER = "member", _("member")
    APPLICANT = "applicant", _("adhesion in progress")
    WITHDRAWN = "withdrawn", _("withdrawn")

    @classmethod
    def allowed_after(cls, previous):
        """The statuses a city may take next, given its current one (None: no status yet).

        ``promoter`` is only ever a first status: the promoters founded the association.
        """
        return {
            None: {cls.PROMOTER, cls.APPLICANT, cls.MEMBER},
            cls.APPLICANT: {cls.MEMBER, cls.WITHDRAWN},
            cls.MEMBER: {cls.WITHDRAWN},
            cls.PROMOTER: {cls.WITHDRAWN},
            cls.WITHDRAWN: {cls.APPLICANT},
        }[previous]

    @property
    def in_network(self):
        """Counted among the network's members (promoters are members too)."""
        return self in self.network()

    @classmethod
    def network(cls):
        """The statuses counted among the network's members."""
        return {cls.PROMOTER, cls.MEMBER}


class CityQuerySet(models.QuerySet):
    def members(self):
        return self.filter(role=City.Role.MEMBER)

    def peers(self):
        return self.filter(role=City.Role.PEER)

    def with_status(self, on=None):
        """Annotate ``current_status`` and ``status_since``: each city's status in force
        today (stored), or on the date ``on``. The whole list costs one query."""
        if on is None:
            return self.annotate(
                current_status=NullIf(F("status_in_force"), Value("")),
                status_since=F("status_in_force_since"),
            )
        latest = (
            StatusChange.objects.in_force(on=on)
            .filter(city=OuterRef("pk"))
            .order_by(*StatusChange.LATEST_FIRST)
        )
        return self.annotate(
            current_status=Subquery(latest.values("status")[:1]),
            status_since=Subquery(latest.values("effective_date")[:1]),
        )

    def status_entries(self, on=None):
        """{city pk: (status value, effective date)} of the entry in force today (stored)
        or on ``on``, for these cities that had one: one query, one row a city."""
        if on is None:
            rows = self.exclude(status_in_force="").values_list("pk", *City.STORED_STATUS)
            return {pk: (status, since) for pk, status, since in rows}
        entries = StatusChange.objects.entry_of_each_city(on=on).filter(city__in=self.values("pk"))
        return {city_id: (status, since) for city_id, status, since in entries}

    def status_counts(self, on=None):
        """{Status: number of cities} in force today or on ``on``: one query, counted by
        the database (the home page needs the numbers, not the 2,000 entries)."""
        if on is None:
            counts = dict(
                self.exclude(status_in_force="")
                .order_by()
                .values_list("status_in_force")
                .annotate(Count("pk"))
            )
        else:
            entries = StatusChange.objects.entry_of_each_city(on=on).filter(city__in=self.values("pk"))
            counts = dict(
                StatusChange.objects.filter(pk__in=entries.values("pk"))
                .order_by()
                .values_list("status")
                .annotate(Count("pk"))
            )
        return {status: counts.get(status.value, 0) for status in Status}

    def refresh_statuses(self):
        """Store each of these cities' entry in force, as the history says today, and the
        network's figures by year (``NetworkYear``): after a change is recorded
        (``StatusChange.save``), or an import that bypassed it."""
        entries = StatusChange.objects.entry_of_each_city().filter(city__in=self.values("pk"))
        found = {city_id: (status, since) for city_id, status, since in entries}
        cities = list(self.only("pk", *City.STORED_STATUS).order_by())
        for city in cities:
            city.status_in_force, city.status_in_force_since = found.get(city.pk, ("", None))
        City.objects.bulk_update(cities, City.STORED_STATUS, batch_size=500)
        NetworkYear.refresh()


class City(BilingualModel):
    """A member of the network, or a European city the network compares itself with."""

    slug_source = "name"

    class Role(models.TextChoices):
        MEMBER = "member", _("network city")
        PEER = "peer", _("European peer city")

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        UNION = "union", _("union of municipalities")
        ASSOCIATION = "association", _("association of municipalities")
        METROPOLITAN_CITY = "metropolitan-city", _("metropolitan city")
        PROVINCE = "province", _("province")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The last part of the city's address, in each language."),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    country = CountryField(_("country"), default="IT")
    region = models.CharField(
        _("region"),
        max_length=30,
        choices=Region.choices,
        blank=True,
        help_text=_("Italian cities only."),
    )
    province = models.CharField(
        _("province"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter code, e.g. TO."))],
        help_text=_("Italian cities only: the two-letter code (sigla), e.g. TO."),
    )
    population = models.PositiveIntegerField(
        _("population"),
        null=True,
        blank=True,
        help_text=_("Residents, from the latest census or the gazetteer."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Degrees north, with a decimal point, e.g. 45.07049 for Turin. Places the city on "
            "the maps; “Fill in from the gazetteer” finds it for you."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees east (negative to the west of Greenwich), e.g. 7.68682 for Turin."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The full address, e.g. https://www.comune.torino.it/.")
    )
    emblem = StrippedImageField(
        _("coat of arms or logo"),
        upload_to="cities/emblems/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("An image (JPEG, PNG, GIF or WebP) of 5 MB at most; shown beside the city's name."),
    )
    description = models.TextField(_("description"), blank=True)
    # The adhesion history's entry in force today, kept by StatusChange.save (and by
    # CityQuerySet.refresh_statuses after imports that bypass it): what the directory,
    # the counts and the lists read today, rather than every city's history on every
    # request. An effective date is never in the future, so it stays true until the next
    # change. Never written by a city's own save (a form loaded before a change was
    # recorded would put the old status back): see ``save``.
    status_in_force = models.CharField(
        _("status in force"), max_length=10, choices=Status.choices, blank=True, editable=False
    )
    status_in_force_since = models.DateField(_("in force since"), null=True, blank=True, editable=False)

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address_of("cities:city-detail", slug=self.slug)

    @staticmethod
    def absolute_url_maker():
        """``get_absolute_url`` from a slug, in the active language, for long lists: one
        ``reverse`` for them all."""
        return address_maker("cities:city-detail", translation.get_language(), slug=str)

    @classmethod
    def from_db(cls, db, field_names, values):
        city = super().from_db(db, field_names, values)
        city._stored_role = city.__dict__.get("role")
        return city

    def role_change_refused(self):
        """A city with an adhesion history keeps its role: its past must stay in the counts."""
        stored = getattr(self, "_stored_role", None)
        return bool(self.pk and stored and stored != self.role and self.status_changes.exists())

    #: Written only by ``CityQuerySet.refresh_statuses``.
    STORED_STATUS = ("status_in_force", "status_in_force_since")

    def save(self, *args, **kwargs):
        if self.role_change_refused():
            raise ValueError("A city with an adhesion history cannot change role.")
        if not self._state.adding and kwargs.get("update_fields") is None:
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in self.STORED_STATUS
            ]
        super().save(*args, **kwargs)
        self._stored_role = self.role

    def clean(self):
        super().clean()
        errors = {}
        if self.role_change_refused():
            errors["role"] = _(
                "%(city)s has an adhesion history, so it stays a network city. To take it out of "
                "the network, a coordinator records its withdrawal."
            ) % {"city": self.name}
        if self.country == "IT":
            if not self.region:
                errors["region"] = _("Choose the region of this Italian city.")
        else:
            if self.region:
                errors["region"] = _("Only Italian cities have an Italian region.")
            if self.province:
                errors["province"] = _("Only Italian cities have an Italian province.")
            if self.role == self.Role.MEMBER:
                errors["role"] = _("Network cities are Italian; a foreign city is a peer city.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if errors:
            raise ValidationError(errors)

    @property
    def status_label(self):
        """The label of the status annotated by ``CityQuerySet.with_status``, if any."""
        status = getattr(self, "current_status", None)
        return Status(status).label if status else ""


class HistoryIsAppendOnly(Exception):
    """Raised on any attempt to edit or delete recorded status changes."""


class StatusChangeQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """The entries that count: not superseded by a correction and, with ``on``,
        effective by that date. Everything that reads a status builds on this."""
        corrected = StatusChange.objects.filter(corrects=OuterRef("pk"))
        entries = self.filter(~Exists(corrected))  # NOT EXISTS: an anti-join the planner sizes well
        if on is not None:
            entries = entries.filter(effective_date__lte=on)
        return entries

    def entry_of_each_city(self, on=None):
        """(city pk, status value, effective date) of each city's entry in force today or
        on ``on``: its latest by ``StatusChange.LATEST_FIRST``, picked in the database."""
        entries = self.in_force(on=on)
        if connections[self.db].vendor == "postgresql":  # DISTINCT ON: one sorted pass, a third quicker
            picked = entries.order_by("city_id", *StatusChange.LATEST_FIRST).distinct("city_id")
        else:
            rank = Window(RowNumber(), partition_by=F("city_id"), order_by=StatusChange.LATEST_FIRST)
            picked = entries.annotate(rank=rank).filter(rank=1).order_by()
        return picked.rewrite(False).values_list("city_id", "status", "effective_date")  # plain rows

    def latest_in_force(self):
        """The entry in force that came last (a city's current one, when filtered by city)."""
        return self.in_force().order_by(*StatusChange.LATEST_FIRST).first()

    def update(self, **kwargs):
        raise HistoryIsAppendOnly("Status changes are never edited: record a correction instead.")

    def delete(self):
        raise HistoryIsAppendOnly("Status changes are never deleted: record a correction instead.")

    update.queryset_only = True
    delete.queryset_only = True


class StatusChange(BilingualModel):
    """One dated step in a city's adhesion to the network.

    A city's status is that of its latest entry in force (see ``LATEST_FIRST`` and
    ``StatusChangeQuerySet.in_force``). The history is only ever added to: a mistake is
    put right by a new entry that ``corrects`` the latest one and supersedes it, never by
    editing or deleting an entry.
    """

    #: The order in which the latest change comes first.
    LATEST_FIRST = ("-effective_date", "-pk")

    city = models.ForeignKey(
        # A city with a history cannot be deleted: the trail must survive.
        City,
        on_delete=models.PROTECT,
        related_name="status_changes",
        verbose_name=_("city"),
    )
    previous_status = models.CharField(
        _("previous status"), max_length=10, choices=Status.choices, blank=True, editable=False
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    effective_date = models.DateField(_("effective date"))
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    reference = models.CharField(
        _("reference"),
        max_length=255,
        blank=True,
        help_text=_("What decided it: e.g. the council resolution or the assembly."),
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # Kept as text too, so the trail still says who it was after the account is deleted.
    recorded_by_name = models.CharField(_("recorded by (name)"), max_length=150, blank=True, editable=False)
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        ordering = ["city", "effective_date", "pk"]
        # Each city's latest entry (the directory's status column) without a sort.
        indexes = [models.Index(fields=["city", "-effective_date", "-id"], name="status_change_city_latest")]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_date__gte=NETWORK_FOUNDED),
                name="effective_after_the_network_was_founded",
            ),
            # A correction supersedes one entry, and an entry is superseded once.
            models.UniqueConstraint(fields=["corrects"], name="one_correction_per_entry"),
        ]

    def __str__(self):
        return f"{self.city} · {self.get_status_display()} · {self.effective_date:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise HistoryIsAppendOnly("A status change is never edited: record a correction instead.")
        super().save(*args, **kwargs)
        City.objects.filter(pk=self.city_id).refresh_statuses()

    def delete(self, *args, **kwargs):
        raise HistoryIsAppendOnly("A status change is never deleted: record a correction instead.")

    def entry_before(self):
        """The entry in force that this one follows: for a correction, the one before the
        entry it corrects."""
        entries = StatusChange.objects.filter(city_id=self.city_id).exclude(
            pk__in=[self.pk, self.corrects_id]
        )
        return entries.latest_in_force()

    def clean(self):
        super().clean()
        if not self.city_id:
            return
        if self.city.role != City.Role.MEMBER:
            raise ValidationError(
                {
                    "city": _("%(city)s is a peer city: only network cities have an adhesion status.")
                    % {"city": self.city}
                }
            )
        errors = {}
        if self.effective_date and self.effective_date > timezone.localdate():
            errors["effective_date"] = _("The effective date cannot be in the future.")
        if self.effective_date and self.effective_date < NETWORK_FOUNDED:
            errors["effective_date"] = _(
                "The effective date cannot come before the network was founded (%(date)s)."
            ) % {"date": formats.date_format(NETWORK_FOUNDED)}
        if self.corrects_id:
            latest = StatusChange.objects.filter(city_id=self.city_id).latest_in_force()
            if self.corrects.city_id != self.city_id or latest is None or latest.pk != self.corrects_id:
                errors[NON_FIELD_ERRORS] = _("Only the city's latest entry in force can be corrected.")
            if not (self.note_it or "").strip():
                errors["note_it"] = _("Say in the note what the correction puts right.")
        previous = self.entry_before()
        if previous and self.effective_date and self.effective_date < previous.effective_date:
            errors.setdefault(
                "effective_date",
                _("The effective date cannot come before the city's previous change (%(date)s).")
                % {"date": formats.date_format(previous.effective_date)},
            )
        if self.status:
            before = Status(previous.status) if previous else None
            # A correction may also say that the city simply stayed as it was before the
            # entry it corrects (that entry should never have been recorded).
            annulment = self.corrects_id and self.status == before
            if self.status not in Status.allowed_after(before) and not annulment:
                errors["status"] = self.refused_step_message(before)
        if errors:
            raise ValidationError(errors)

    def refused_step_message(self, before):
        status = Status(self.status)
        if before is None:
            return _(
                "A city's first status can be promoter, adhesion in progress or member, not “%(status)s”."
            ) % {"status": status.label}
        if status == Status.PROMOTER:
            return _("“Promoter” can only be a city's first status.")
        if status == before:
            return _("The city's status is already “%(status)s”.") % {"status": status.label}
        return _("A city cannot go from “%(before)s” to “%(status)s”. Allowed: %(allowed)s.") % {
            "before": before.label,
            "status": status.label,
            "allowed": ", ".join(f"“{Status(s).label}”" for s in sorted(Status.allowed_after(before))),
        }

    def record(self, user=None, name=""):
        """Note who records this change (kept by name as well as by account)."""
        self.recorded_by = user
        self.recorded_by_name = (user.get_full_name() or user.get_username()) if user else name


class NetworkYear(models.Model):
    """The network at the end of a year (the current year: today), as its adhesion history
    says: its members (promoters included) and applicants, and the year's last change.

    A row a year from the first change to the last, stored each time the history changes
    (``CityQuerySet.refresh_statuses``): the observatory reads two dozen rows instead of
    counting the whole history at each visit. Effective dates are never in the future,
    so nothing else changes them."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    members = models.PositiveIntegerField(_("members"))
    applicants = models.PositiveIntegerField(_("adhesions in progress"))
    last_change = models.DateField(_("last change of the year"), null=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("year of the network")
        verbose_name_plural = _("years of the network")

    def __str__(self):
        return str(self.year)

    @classmethod
    def refresh(cls):
        """Count again, in one aggregate query: each entry in force counts from the year it
        took effect until the year the city's next entry replaced it.

        Two changes recorded at once (for different cities) refresh one after the other:
        the second waits for the first to commit, then counts with it (PostgreSQL; SQLite
        writes one transaction at a time anyway). Without the lock the second counted
        without the first, or failed inserting the same years."""
        with transaction.atomic(using=router.db_for_write(cls)):
            connection = connections[router.db_for_write(cls)]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(f"LOCK TABLE {cls._meta.db_table} IN SHARE ROW EXCLUSIVE MODE")
            years = cls.count(cls.steps())
            cls.objects.all().delete()
            cls.objects.bulk_create(years)

    @staticmethod
    def steps():
        """[(status, year it began, year it ended or None, entries, latest effective date)]
        of the network cities' entries in force (the next entry of a city is the one just
        before in ``StatusChange.LATEST_FIRST``): a few hundred rows, however many cities."""
        entries = (
            StatusChange.objects.in_force()
            .filter(city__role=City.Role.MEMBER)
            .annotate(
                replaced_on=Window(
                    Lag("effective_date"), partition_by=F("city_id"), order_by=StatusChange.LATEST_FIRST
                )
            )
            .annotate(began=ExtractYear("effective_date"), ended=ExtractYear("replaced_on"))
            .order_by()
            .values_list("status", "began", "ended", "effective_date")
        )
        sql, params = entries.query.sql_with_params()
        connection = connections[entries.db]
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT status, began, ended, COUNT(*), MAX(effective_date) "
                f"FROM ({sql}) entries GROUP BY status, began, ended",
                params,
            )
            return [
                (
                    status,
                    int(began),  # PostgreSQL's EXTRACT is a decimal
                    None if ended is None else int(ended),
                    number,
                    last
                    if isinstance(last, datetime.date)
                    else datetime.date.fromisoformat(last),  # SQLite: text
                )
                for status, began, ended, number, last in cursor.fetchall()
            ]

    @classmethod
    def count(cls, steps):
        """The years from the first change to the last, from ``steps``."""
        if not steps:
            return []
        changes = {}  # year → {status: cities in it from that year on (or no longer, if negative)}
        last_change = {}
        for status, began, ended, number, last in steps:
            changes.setdefault(began, Counter())[status] += number
            if ended is not None:
                changes.setdefault(ended, Counter())[status] -= number
            last_change[began] = max(last, last_change.get(began, last))
        running, years = Counter(), []
        for year in range(min(changes), max(changes) + 1):
            running.update(changes.get(year, {}))
            years.append(
                cls(
                    year=year,
                    members=sum(running[status] for status in Status.network()),
                    applicants=running[Status.APPLICANT],
                    last_change=last_change.get(year),
                )
            )
        return years


class StrategicPlan(BilingualModel):
    """One edition of a city's strategic plan."""

    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="plans", verbose_name=_("city"))
    edition = models.PositiveSmallIntegerField(_("edition"), default=1)
    title = models.CharField(_("title"), max_length=255)
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True)
    document = models.FileField(
        _("document (PDF)"),
        upload_to="cities/plans/",
        blank=True,
        validators=[validate_pdf_extension, validate_pdf_upload],
        help_text=_("The plan as a PDF file of 20 MB at most."),
    )
    url = models.URLField(_("link"), blank=True, help_text=_("Or the address where the plan can be read."))

    class Meta:
        ordering = ["city", "edition"]
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")
        constraints = [
            models.UniqueConstraint(fields=["city", "edition"], name="one_plan_per_edition"),
        ]

    def __str__(self):
        return f"{self.city} · {self.title}"
