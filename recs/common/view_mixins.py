"""Behaviour shared by the public detail pages of every app."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect


class TranslatedSlugMixin:
    """A detail page found by its slug in the visitor's language.

    Addresses last: one that carries the object's slug in the other language (say, a
    visitor who changed /it/ into /en/ by hand), a slug the object had before its title
    changed (``FormerSlug``), or a year and month that are no longer its date, answers
    301 with the object's address in this language.
    """

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            obj = self.object_by_any_slug()
            if obj is None or obj.get_absolute_url() == request.path:
                raise
            return HttpResponsePermanentRedirect(obj.get_absolute_url())

    def object_by_any_slug(self):
        from .models import FormerSlug

        slug = self.kwargs["slug"]
        condition = Q()
        for code, _name in settings.LANGUAGES:
            condition |= Q(**{f"slug_{code}": slug})
        return self.get_queryset().filter(condition).first() or FormerSlug.object_for(
            self.get_queryset(), slug
        )


class DraftPreviewMixin:
    """A detail page of content that may be a draft: the public sees it once published;
    staff who may change that kind of content see the draft too, under a banner
    (templates/base.html), so that "View on site" in the back office shows the page as
    it will be. Signed-in visitors' pages are never cached."""

    def visible(self, queryset):
        """``queryset`` as this visitor may see it."""
        user = self.request.user
        opts = queryset.model._meta
        if (
            user.is_authenticated
            and user.is_staff
            and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        ):
            return queryset
        return queryset.published()


class DatedAddressMixin:
    """For objects whose address carries the year and month of ``date_field``.

    The slug finds the object; a year or month that is not its own is a 404.
    """

    date_field = None

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        day = getattr(obj, self.date_field)
        if (day.year, day.month) != (self.kwargs["year"], self.kwargs["month"]):
            raise Http404
        return obj


class FilteredPagesMixin:
    """For a ListView with filters in its query string: ``filter_query`` (the filters
    without the page, for the pagination links) and ``page_links``, the page numbers to
    show around the current one (templates/includes/pagination.html)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        page = context.get("page_obj")
        if page is not None and context.get("is_paginated"):
            context["page_links"] = list(
                page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            )
        return context
