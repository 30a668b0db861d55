from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from recs.common.addresses import address_of
from recs.common.images import StrippedImageField
from recs.common.publication import Scheduled, ScheduledQuerySet
from recs.common.rich_text import RichTextField
from recs.common.translation_rules import BilingualModel
from recs.common.validators import validate_image_upload


def validate_link(value):
    """An address of this site (beginning with a single /) or a full http(s) one."""
    if value.startswith("/") and not value.startswith("//"):
        return
    URLValidator(
        schemes=["http", "https"],
        message=_("Enter an address of this site beginning with / or a full one beginning with https://."),
    )(value)


class PageQuerySet(ScheduledQuerySet):
    def association(self):
        """The pages about the association: its menu and the association's page."""
        return self.filter(role=Page.Role.ASSOCIATION)

    def small_print(self):
        """The privacy notice, the accessibility statement and the legal notes, at the
        foot of every page (as on the sites of Italian public bodies)."""
        return self.exclude(role=Page.Role.ASSOCIATION).order_by("role")


class Page(Scheduled, BilingualModel):
    """One of the association's own pages (who we are, aims, history, statute, ...)."""

    slug_source = "title"

    class Role(models.TextChoices):
        ASSOCIATION = "association", _("about the association (in its menu)")
        # In the order the footer lists them.
        ACCESSIBILITY = "accessibility", _("accessibility statement (footer)")
        LEGAL = "legal", _("legal notes (footer)")
        PRIVACY = "privacy", _("privacy notice (footer)")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the page's address, in each language."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence shown in menus, search results and link previews."),
    )
    body = RichTextField(_("text"), blank=True)
    menu_order = models.PositiveSmallIntegerField(
        _("menu order"), default=0, help_text=_("Lower numbers come first in the menu.")
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        default=Role.ASSOCIATION,
        help_text=_(
            "Where the page is linked from: the association's menu, or the foot of every page. "
            "There is one privacy notice, one accessibility statement and one page of legal notes."
        ),
    )
    is_published = models.BooleanField(
        _("published"), default=False
    )  # a new page starts as a draft, like all content
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["menu_order", "pk"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(
                fields=["role"],
                condition=~models.Q(role="association"),
                name="one_page_per_footer_role",
                violation_error_message=_("There is already a page with this role: change that one instead."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address_of("pages:page-detail", slug=self.slug)


class Contact(BilingualModel):
    """A person or an office the public can contact."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("office")
        PERSON = "person", _("person")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(
        _("name"), max_length=200, help_text=_("A person's full name, or the name of an office.")
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    menu_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first on the contacts page.")
    )

    class Meta:
        ordering = ["menu_order", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name


class Highlight(Scheduled, BilingualModel):
    """A card the home page puts "in evidenza": what the association wants seen first
    (an assembly coming, a new report, a call), chosen and ordered by the staff."""

    #: How many the home page shows, in their order.
    ON_THE_HOME_PAGE = 3

    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One or two sentences under the title.")
    )
    link = models.CharField(
        _("link"),
        max_length=500,
        validators=[validate_link],
        help_text=_(
            "Where the card leads: an address of this site (e.g. /it/agenda/) or a full one "
            "(https://…). Give the English address in the English tab."
        ),
    )
    image = StrippedImageField(
        _("image"),
        upload_to="highlights/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("Optional: a photo or picture (JPEG, PNG, GIF or WebP, 5 MB at most), shown wide."),
    )
    image_description = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for who cannot see it; empty if it only decorates."),
    )
    menu_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first on the home page.")
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = ScheduledQuerySet.as_manager()

    class Meta:
        ordering = ["menu_order", "-pk"]
        verbose_name = _("highlight")
        verbose_name_plural = _("highlights")

    def __str__(self):
        return self.title
