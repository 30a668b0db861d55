"""The content-translation rules every translated model follows.

Italian is the site's first language: modeltranslation already makes the Italian
value of a required field required. ``BilingualModel`` adds the rest:

- English text never stands without its Italian counterpart;
- every object has a slug in both languages, so each public address exists
  under ``/it/`` and ``/en/``: a missing English slug is made from the English
  name, or from the Italian one while no English name has been written.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator


def translated_field_names(model):
    """Names of the model's fields registered for translation (``name``, not ``name_it``)."""
    try:
        return sorted(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


class BilingualModel(models.Model):
    #: The translated field a missing slug is made from, or None if the model has no slug.
    slug_source = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_missing_slugs()
        former = self.slugs_being_replaced()
        super().save(*args, **kwargs)
        if former:
            from .models import FormerSlug

            for language, slug in former.items():
                FormerSlug.remember(self, language, slug)

    def slugs_being_replaced(self):
        """{language: slug} of the slugs this save changes (one query, for a saved
        object with a slug), so that their addresses keep leading here."""
        if not self.slug_source or self.pk is None:
            return {}
        columns = [f"slug_{code}" for code, _name in settings.LANGUAGES]
        stored = type(self)._base_manager.filter(pk=self.pk).values(*columns).first()
        if stored is None:
            return {}
        return {
            column.removeprefix("slug_"): stored[column]
            for column in columns
            if stored[column] and stored[column] != getattr(self, column)
        }

    def clean(self):
        super().clean()
        errors = {}
        for name in translated_field_names(type(self)):
            if getattr(self, f"{name}_en", None) and not getattr(self, f"{name}_it", None):
                errors[f"{name}_it"] = _(
                    "Italian is the site's first language: write the Italian text before the English one."
                )
        if errors:
            raise ValidationError(errors)
        self.fill_missing_slugs()

    def fill_missing_slugs(self):
        if not self.slug_source:
            return
        limit = self._meta.get_field("slug").max_length
        source_it = getattr(self, f"{self.slug_source}_it", "") or ""
        if not self.slug_it:
            self.slug_it = slugify(source_it)[:limit] or None
        if not self.slug_en:
            source_en = getattr(self, f"{self.slug_source}_en", "") or source_it
            self.slug_en = slugify(source_en)[:limit] or None
