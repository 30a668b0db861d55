from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pages"
urlpatterns = [
    path(_("association/"), views.AssociationView.as_view(), name="association"),
    path(_("association/<slug:slug>/"), views.PageDetailView.as_view(), name="page-detail"),
    path(_("contacts/"), views.ContactListView.as_view(), name="contacts"),
]
