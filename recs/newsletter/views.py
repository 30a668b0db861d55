from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from recs.common.view_mixins import FilteredPagesMixin, TranslatedSlugMixin

from .models import Issue


class IssueListView(FilteredPagesMixin, ListView):
    """The archive: every issue sent, newest first."""

    extra_context = {"title": _("Newsletter archive")}
    paginate_by = 20

    def get_queryset(self):
        return Issue.objects.sent().only(
            "pk", "sent_at", *(f"{f}_{c}" for f in ("subject", "slug") for c in ("it", "en"))
        )


class IssueDetailView(TranslatedSlugMixin, DetailView):
    """An issue as its subscribers received it, in the visitor's language."""

    def get_queryset(self):
        return Issue.objects.sent()

    def get_context_data(self, **kwargs):
        issue = self.object
        news = getattr(issue, f"news_{get_language()}", "") or issue.news_it
        return super().get_context_data(news=news, **kwargs)
