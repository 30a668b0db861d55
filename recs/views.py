from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django.views.generic import DetailView, FormView, ListView, TemplateView

from cities.models import City, Status
from events.models import Event
from pressreview.models import Article

from . import mailing
from .forms import SearchForm, SubscribeForm
from .models import Contact, Page
from .search import search
from .view_mixins import TranslatedSlugMixin


class HomeView(TemplateView):
    template_name = "recs/home.html"

    def get_context_data(self, **kwargs):
        counts = City.objects.members().status_counts()
        return super().get_context_data(
            member_count=sum(counts[status] for status in Status.network()),
            applicant_count=counts[Status.APPLICANT],
            upcoming_events=Event.objects.upcoming().select_related("host_city")[:3],
            recent_events=Event.objects.past().select_related("host_city")[:3],
            latest_articles=Article.objects.published().select_related("outlet")[:4],
            intro=Page.objects.published().first(),
            **kwargs,
        )


class AssociationView(ListView):
    template_name = "recs/association.html"
    context_object_name = "pages"

    def get_queryset(self):
        return Page.objects.published()


class PageDetailView(TranslatedSlugMixin, DetailView):
    def get_queryset(self):
        return Page.objects.published()


class ContactListView(ListView):
    model = Contact


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
    template_name = "recs/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        results = []
        if form.is_valid():
            results = search(form.cleaned_data["q"], translation.get_language())
        return super().get_context_data(form=form, results=results, **kwargs)


class SubscribeView(FormView):
    template_name = "recs/subscribe.html"
    form_class = SubscribeForm

    def get_initial(self):
        return {"language": translation.get_language()}

    def form_valid(self, form):
        mailing.subscribe(self.request, form.cleaned_data["email"].lower(), form.cleaned_data["language"])
        return render(self.request, "recs/subscription_message.html", {"message": "sent"})


def subscription_confirm(request, token):
    subscriber = mailing.confirm(token)
    if subscriber is None:
        return render(request, "recs/subscription_message.html", {"message": "invalid"}, status=404)
    return render(request, "recs/subscription_message.html", {"message": "confirmed"})


@csrf_exempt  # mail clients unsubscribe with a bare POST (RFC 8058); the signed link is the credential
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = mailing.unsubscribe(token)
    if subscriber is None:
        return render(request, "recs/subscription_message.html", {"message": "invalid"}, status=404)
    return render(request, "recs/subscription_message.html", {"message": "unsubscribed"})
