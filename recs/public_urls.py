from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "recs"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("association/"), views.AssociationView.as_view(), name="association"),
    path(_("association/<slug:slug>/"), views.PageDetailView.as_view(), name="page-detail"),
    path(_("contacts/"), views.ContactListView.as_view(), name="contacts"),
    path(_("search/"), views.SearchView.as_view(), name="search"),
    path(_("mailing-list/"), views.SubscribeView.as_view(), name="subscribe"),
    path(_("mailing-list/confirm/<str:token>/"), views.subscription_confirm, name="subscription-confirm"),
    path(_("mailing-list/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
