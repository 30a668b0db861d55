from django.db import connection
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from recs.common import fulltext
from recs.common.languages import text_contains
from recs.common.view_mixins import DraftPreviewMixin, FilteredPagesMixin, TranslatedSlugMixin

from .forms import PublicationFilterForm
from .models import Publication


def matching(publications, text, language):
    """``publications`` with ``text`` in their title, summary or document: full-text on
    PostgreSQL (the visitor's language's stemming, best matches first), a plain
    case-insensitive match elsewhere."""
    if connection.vendor != "postgresql":
        return publications.filter(text_contains(text, translated=("title", "summary"), plain=("text",)))
    from django.contrib.postgres.search import SearchRank

    query = fulltext.query(text, language)
    vector = fulltext.document(("title", "summary"), language, plain=("text",))
    return (
        publications.annotate(search_document=vector)
        .filter(search_document=query)
        .annotate(rank=SearchRank(vector, query))
        .order_by("-rank", "-year", "-pk")
    )


class PublicationListView(FilteredPagesMixin, ListView):
    """The library: the network's publications, newest first, with filters and a search
    inside the documents."""

    extra_context = {"title": _("Publications")}
    paginate_by = 12

    def get_queryset(self):
        self.form = PublicationFilterForm(self.request.GET or None)
        publications = Publication.objects.published().defer("text")
        if self.form.is_bound and not self.form.is_valid():
            return publications.none()
        data = self.form.cleaned_data if self.form.is_bound else {}
        if data.get("kind"):
            publications = publications.filter(kind=data["kind"])
        if data.get("year"):
            publications = publications.filter(year=data["year"])
        if data.get("language"):
            publications = publications.filter(document_language=data["language"])
        if data.get("city"):
            publications = publications.filter(cities=data["city"])
        if data.get("group"):
            publications = publications.filter(working_groups=data["group"])
        if data.get("q"):
            publications = matching(publications, data["q"], get_language())
        return publications

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class PublicationDetailView(TranslatedSlugMixin, DraftPreviewMixin, DetailView):
    def get_queryset(self):
        return self.visible(Publication.objects.defer("text").prefetch_related("cities", "working_groups"))
