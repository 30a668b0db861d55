from django.http import HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from recs.common import keyset
from recs.common.languages import text_contains
from recs.common.view_mixins import DatedAddressMixin, DraftPreviewMixin, TranslatedSlugMixin

from .forms import ArticleFilterForm
from .models import Article


class ArticleListView(ListView):
    """The press review, newest first, with filters by month, outlet and city, and search."""

    extra_context = {"title": _("Press review")}
    page_size = 20

    def get(self, request, *args, **kwargs):
        if "page" in request.GET:  # an address from the numbered pages of before
            query = request.GET.copy()
            del query["page"]
            return HttpResponsePermanentRedirect(
                f"{request.path}?{query.urlencode()}" if query else request.path
            )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.form = ArticleFilterForm(self.request.GET or None)
        articles = Article.objects.published().select_related("outlet")
        if self.form.is_bound and not self.form.is_valid():
            return articles.none()
        data = self.form.cleaned_data if self.form.is_bound else {}
        if data.get("q"):
            articles = articles.filter(
                text_contains(data["q"], translated=("headline", "summary"), plain=("author",))
            )
        if data.get("month"):
            month = data["month"]
            articles = articles.filter(published_on__year=month.year, published_on__month=month.month)
        if data.get("outlet"):
            articles = articles.filter(outlet=data["outlet"])
        if data.get("city"):
            articles = articles.mentioning(data["city"])
        return articles

    def get_context_data(self, **kwargs):
        # Pages by position (newer / older), never by number: see recs/common/keyset.py.
        page = keyset.paginate(self.object_list, self.request.GET, "published_on", self.page_size)
        query = self.request.GET.copy()
        for parameter in keyset.PARAMETERS:
            query.pop(parameter, None)
        return super().get_context_data(
            form=self.form,
            keyset_page=page,
            object_list=page.items,
            filter_query=query.urlencode(),
            **kwargs,
        )


class ArticleDetailView(TranslatedSlugMixin, DatedAddressMixin, DraftPreviewMixin, DetailView):
    date_field = "published_on"

    def get_queryset(self):
        return self.visible(Article.objects.select_related("outlet").prefetch_related("cities", "events"))
