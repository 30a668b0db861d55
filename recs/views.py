from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from cities.models import City, Status
from events.models import Event
from pressreview.models import Article

from .models import Contact, Page


class HomeView(TemplateView):
    template_name = "recs/home.html"

    def get_context_data(self, **kwargs):
        members = City.objects.members().with_status()
        statuses = [city.current_status for city in members]
        return super().get_context_data(
            member_count=sum(status in {Status.PROMOTER, Status.MEMBER} for status in statuses),
            applicant_count=statuses.count(Status.APPLICANT),
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


class PageDetailView(DetailView):
    def get_queryset(self):
        return Page.objects.published()


class ContactListView(ListView):
    model = Contact


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
