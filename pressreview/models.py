from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models import City
from events.models import Event, WorkingGroup
from recs.common.addresses import address_of
from recs.common.images import StrippedImageField
from recs.common.publication import Scheduled, ScheduledQuerySet
from recs.common.rich_text import RichTextField
from recs.common.translation_rules import BilingualModel
from recs.common.validators import validate_image_upload, validate_pdf_extension, validate_pdf_upload


class Outlet(models.Model):
    """A newspaper, magazine, news agency or broadcaster. Its name is a proper name."""

    class Kind(models.TextChoices):
        NEWSPAPER = "newspaper", _("newspaper")
        MAGAZINE = "magazine", _("magazine")
        AGENCY = "agency", _("news agency")
        BROADCASTER = "broadcaster", _("broadcaster")
        ONLINE = "online", _("online publication")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the outlet's address: lowercase letters, digits and hyphens."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NEWSPAPER)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name


class ArticleQuerySet(ScheduledQuerySet):
    def mentioning(self, city):
        """The articles that mention ``city``. Its mentions are read first, from their
        index: joined in one query, PostgreSQL walks the whole press review newest first
        looking for a city that is seldom mentioned (3.5 s at 1,000,000 clippings)."""
        mentions = Article.cities.through.objects.filter(city=city).values_list("article_id", flat=True)
        return self.filter(pk__in=list(mentions))


class Article(Scheduled, BilingualModel):
    """A press clipping about the network."""

    slug_source = "headline"

    class Language(models.TextChoices):
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        GERMAN = "de", _("German")
        SPANISH = "es", _("Spanish")
        OTHER = "other", _("other")

    headline = models.CharField(_("headline"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the article's address, in each language."),
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="articles", verbose_name=_("outlet")
    )
    published_on = models.DateField(_("publication date"))
    author = models.CharField(_("author"), max_length=200, blank=True)
    language = models.CharField(
        _("language of the original"), max_length=5, choices=Language.choices, default=Language.ITALIAN
    )
    summary = RichTextField(_("summary"), blank=True)
    original_url = models.URLField(
        _("original article"),
        max_length=500,
        blank=True,
        help_text=_("The article's address on the outlet's site, if it is online."),
    )
    clipping_image = StrippedImageField(
        _("clipping (image)"),
        upload_to="press/images/%Y/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_(
            "A scan or photo of the clipping (JPEG, PNG, GIF or WebP, 5 MB at most): shown on the "
            "article's page. Use the PDF field instead for a clipping of several pages."
        ),
    )
    clipping_pdf = models.FileField(
        _("clipping (PDF)"),
        upload_to="press/pdf/%Y/",
        blank=True,
        validators=[validate_pdf_extension, validate_pdf_upload],
        help_text=_(
            "The clipping as a PDF file (20 MB at most): offered as a download on the article's page."
        ),
    )
    cities = models.ManyToManyField(
        City, blank=True, related_name="articles", verbose_name=_("cities mentioned")
    )
    events = models.ManyToManyField(
        Event, blank=True, related_name="articles", verbose_name=_("related events")
    )
    working_groups = models.ManyToManyField(
        WorkingGroup, blank=True, related_name="articles", verbose_name=_("related working groups")
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        indexes = [
            # The press review's pages and the admin's list, newest first, all and by outlet.
            models.Index(fields=["-published_on", "-id"], name="article_newest_first"),
            models.Index(fields=["outlet", "-published_on", "-id"], name="article_outlet_newest_first"),
        ]
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return address_of(
            "pressreview:article-detail",
            year=self.published_on.year,
            month=self.published_on.month,
            slug=self.slug,
        )

    def clean(self):
        super().clean()
        if self.is_published and not (self.clipping_image or self.clipping_pdf or self.original_url):
            raise ValidationError(
                _("A published article needs its clipping (image or PDF) or a link to the original.")
            )
