from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from cities.models import City, Status
from events.models import Event
from pressreview.models import Article
from recs.common import ratelimit
from recs.pages.models import Highlight, Page

from .forms import SearchForm
from .search import search


class HomeView(TemplateView):
    template_name = "site/home.html"

    def get_context_data(self, **kwargs):
        counts = City.objects.members().status_counts()
        return super().get_context_data(
            member_count=sum(counts[status] for status in Status.network()),
            applicant_count=counts[Status.APPLICANT],
            upcoming_events=Event.objects.upcoming().select_related("host_city")[:3],
            recent_events=Event.objects.past().select_related("host_city")[:3],
            latest_articles=Article.objects.published().select_related("outlet")[:4],
            intro=Page.objects.published().association().first(),
            highlights=Highlight.objects.published()[: Highlight.ON_THE_HOME_PAGE],
            **kwargs,
        )


@require_GET
def favicon(request):
    # Resolved per request: the hashed name exists only once collectstatic has run.
    return HttpResponsePermanentRedirect(static("recs/favicon.svg"))


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


class SearchView(TemplateView):
    extra_context = {"title": _("Search")}
    template_name = "site/search.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("q") and not ratelimit.allowed("search", ratelimit.client_address(request)):
            return ratelimit.too_many_requests(request, "search")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        results = []
        if form.is_valid():
            results = search(form.cleaned_data["q"], translation.get_language())
        return super().get_context_data(form=form, results=results, **kwargs)
