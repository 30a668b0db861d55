from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormerSlug(models.Model):
    """An address an object of the site had: when its slug changes (in either language),
    the old one is kept here, so that links to it answer 301 with the new address
    (``TranslatedSlugMixin``). Written by ``BilingualModel.save``, for every kind of
    content that has a slug."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("language"), max_length=5)
    slug = models.SlugField(_("former slug"), max_length=200)
    replaced_at = models.DateTimeField(_("replaced on"), auto_now=True)

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        constraints = [
            # A former slug leads to one object: the last that left it.
            models.UniqueConstraint(fields=["content_type", "slug"], name="one_object_per_former_slug")
        ]

    def __str__(self):
        return f"{self.language}: {self.slug}"

    @classmethod
    def remember(cls, obj, language, slug):
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        cls.objects.update_or_create(
            content_type=content_type, slug=slug, defaults={"object_id": obj.pk, "language": language}
        )

    @classmethod
    def object_for(cls, queryset, slug):
        """The object of ``queryset`` that once had ``slug`` (None if none did, or if it is
        not in ``queryset``, e.g. no longer published)."""
        content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
        former = cls.objects.filter(content_type=content_type, slug=slug).first()
        return queryset.filter(pk=former.object_id).first() if former else None
