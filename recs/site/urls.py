from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "site"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("search/"), views.SearchView.as_view(), name="search"),
]
