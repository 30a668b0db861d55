from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from recs.common.view_mixins import DraftPreviewMixin, TranslatedSlugMixin

from .models import Contact, Page


class AssociationView(ListView):
    extra_context = {"title": _("The association")}
    template_name = "pages/association.html"
    context_object_name = "pages"

    def get_queryset(self):
        return Page.objects.published().association()


class PageDetailView(TranslatedSlugMixin, DraftPreviewMixin, DetailView):
    def get_queryset(self):
        return self.visible(Page.objects.all())


class ContactListView(ListView):
    extra_context = {"title": _("Contacts")}
    model = Contact
