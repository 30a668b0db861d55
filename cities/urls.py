from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "cities"
urlpatterns = [
    path("", views.CityListView.as_view(), name="city-list"),
    path(_("europe/"), views.PeerCityListView.as_view(), name="peer-list"),
    path("<slug:slug>/", views.CityDetailView.as_view(), name="city-detail"),
]
