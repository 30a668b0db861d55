from django.db import models
from django.utils.translation import gettext_lazy as _

from cities.models import City
from events.models import WorkingGroup
from recs.common.addresses import address_of
from recs.common.publication import Scheduled, ScheduledQuerySet
from recs.common.rich_text import RichTextField
from recs.common.translation_rules import BilingualModel
from recs.common.validators import validate_pdf_extension, validate_pdf_upload

from .documents import read_document


class PublicationQuerySet(ScheduledQuerySet):
    def years(self):
        """The years that have publications, newest first (for the library's filter)."""
        return self.order_by("-year").values_list("year", flat=True).distinct()


class Publication(Scheduled, BilingualModel):
    """A document the network published: a report, the proceedings of a meeting,
    guidelines, a city's strategic plan. The PDF is the publication; the site draws its
    cover from the first page and reads its text for the search when it is uploaded."""

    slug_source = "title"

    class Kind(models.TextChoices):
        REPORT = "report", _("report")
        PROCEEDINGS = "proceedings", _("proceedings")
        GUIDELINES = "guidelines", _("guidelines")
        STRATEGIC_PLAN = "plan", _("strategic plan")
        OTHER = "other", _("other")

    class Language(models.TextChoices):
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")
        BOTH = "it+en", _("Italian and English")
        OTHER = "other", _("another language")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the publication's address, in each language."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPORT)
    year = models.PositiveSmallIntegerField(_("year"))
    authors = models.CharField(
        _("authors"),
        max_length=300,
        blank=True,
        help_text=_("People or bodies, separated by commas, e.g. “RECS, Comune di Torino”."),
    )
    document_language = models.CharField(
        _("language of the document"), max_length=10, choices=Language.choices, default=Language.ITALIAN
    )
    summary = RichTextField(_("summary"), blank=True)
    document = models.FileField(
        _("document (PDF)"),
        upload_to="publications/%Y/",
        validators=[validate_pdf_extension, validate_pdf_upload],
        help_text=_("A PDF of at most 20 MB. The cover and the text for the search are taken from it."),
    )
    cover = models.ImageField(_("cover"), upload_to="publications/covers/%Y/", blank=True, editable=False)
    text = models.TextField(_("text of the document"), blank=True, editable=False)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    cities = models.ManyToManyField(
        City, blank=True, related_name="publications", verbose_name=_("related cities")
    )
    working_groups = models.ManyToManyField(
        WorkingGroup, blank=True, related_name="publications", verbose_name=_("related working groups")
    )
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("added on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        indexes = [models.Index(fields=["year", "id"], name="publication_by_year")]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address_of("publications:publication-detail", slug=self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        publication = super().from_db(db, field_names, values)
        if "document" in field_names:
            publication._document_read = values[field_names.index("document")]
        return publication

    def save(self, *args, **kwargs):
        # A new document (uploaded, or stored by a script) is read once, here.
        if self.document and (
            not self.document._committed or self.document.name != getattr(self, "_document_read", None)
        ):
            self.read_document()
        super().save(*args, **kwargs)
        self._document_read = self.document.name

    def read_document(self):
        """Draw the cover, read the text and count the pages of the document."""
        if self.document._committed:
            self.document.open("rb")
        try:
            facts = read_document(self.document.file, name=self.slug_it or "publication")
        finally:
            if self.document._committed:
                self.document.close()
        self.text, self.pages = facts.text, facts.pages
        if facts.cover:
            self.cover.save(facts.cover.name, facts.cover, save=False)
        else:
            self.cover = ""
