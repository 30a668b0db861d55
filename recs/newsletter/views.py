from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from recs.common.view_mixins import DraftPreviewMixin, FilteredPagesMixin, TranslatedSlugMixin

from .models import Issue
from .sending import news_of


class IssueListView(FilteredPagesMixin, ListView):
    """The archive: every issue sent, newest first."""

    extra_context = {"title": _("Newsletter archive")}
    paginate_by = 20

    def get_queryset(self):
        return Issue.objects.sent().only("pk", "sent_at", "subject", "slug")


class IssueDetailView(TranslatedSlugMixin, DraftPreviewMixin, DetailView):
    """An issue as its subscribers received it, in the visitor's language; staff see one
    not sent yet, with today's latest news."""

    def get_queryset(self):
        return self.visible(Issue.objects.all())

    def get_context_data(self, **kwargs):
        return super().get_context_data(news=news_of(self.object, get_language(), self.request), **kwargs)
