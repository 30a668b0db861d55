from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from recs.common.view_mixins import TranslatedSlugMixin

from .models import Contact, Page


class AssociationView(ListView):
    extra_context = {"title": _("The association")}
    template_name = "pages/association.html"
    context_object_name = "pages"

    def get_queryset(self):
        return Page.objects.published().association()


class PageDetailView(TranslatedSlugMixin, DetailView):
    def get_queryset(self):
        return Page.objects.published()


class ContactListView(ListView):
    extra_context = {"title": _("Contacts")}
    model = Contact
