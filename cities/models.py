from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from recs.translation_rules import BilingualModel
from recs.validators import validate_image_upload, validate_pdf_extension, validate_pdf_upload


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
        return self in {Status.PROMOTER, Status.MEMBER}


class CityQuerySet(models.QuerySet):
    def members(self):
        return self.filter(role=City.Role.MEMBER)

    def peers(self):
        return self.filter(role=City.Role.PEER)

    def with_status(self, on=None):
        """Annotate ``current_status`` and ``status_since`` from each city's latest change.

        The whole list costs one query. With ``on`` (a date), the status is the one in
        force on that date.
        """
        changes = StatusChange.objects.filter(city=OuterRef("pk"))
        if on is not None:
            changes = changes.filter(effective_date__lte=on)
        latest = changes.order_by(*StatusChange.LATEST_FIRST)
        return self.annotate(
            current_status=Subquery(latest.values("status")[:1]),
            status_since=Subquery(latest.values("effective_date")[:1]),
        )


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
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    emblem = models.ImageField(
        _("coat of arms or logo"),
        upload_to="cities/emblems/",
        blank=True,
        validators=[validate_image_upload],
    )
    description = models.TextField(_("description"), blank=True)

    objects = CityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:city-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
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


class StatusChange(BilingualModel):
    """One dated step in a city's adhesion to the network.

    A city's current status is that of its latest change (see ``LATEST_FIRST``). The
    history is only ever added to: a mistake is put right by a new change that
    ``corrects`` the latest one, never by editing or deleting an entry.
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

    class Meta:
        ordering = ["city", "effective_date", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.city} · {self.get_status_display()} · {self.effective_date:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A status change is never edited: record a correction instead.")
        super().save(*args, **kwargs)

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
        previous = self.city.status_changes.exclude(pk=self.pk).order_by(*self.LATEST_FIRST).first()
        if previous and self.effective_date and self.effective_date < previous.effective_date:
            errors["effective_date"] = _(
                "The effective date cannot come before the city's previous change (%(date)s)."
            ) % {"date": formats.date_format(previous.effective_date)}
        if self.corrects_id:
            if not (self.note_it or "").strip():
                errors["note_it"] = _("Say in the note what the correction puts right.")
        elif self.status:
            before = Status(previous.status) if previous else None
            if self.status not in Status.allowed_after(before):
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

    def record(self, user):
        """Note who records this change (kept by name as well as by account)."""
        self.recorded_by = user
        self.recorded_by_name = user.get_full_name() or user.get_username()


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
    )
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["city", "edition"]
        verbose_name = _("strategic plan")
        verbose_name_plural = _("strategic plans")
        constraints = [
            models.UniqueConstraint(fields=["city", "edition"], name="one_plan_per_edition"),
        ]

    def __str__(self):
        return f"{self.city} · {self.title}"
