from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "cities"
urlpatterns = [
    path("", views.CityListView.as_view(), name="city-list"),
    path(_("europe/"), views.PeerCityListView.as_view(), name="peer-list"),
    path(_("observatory/"), views.ObservatoryView.as_view(), name="observatory"),
    path(_("open-data/"), views.OpenDataView.as_view(), name="open-data"),
    path(format_lazy("{}recs-cities.csv", _("open-data/")), views.cities_csv, name="cities-csv"),
    path(format_lazy("{}recs-status-history.csv", _("open-data/")), views.history_csv, name="history-csv"),
    path(format_lazy("{}recs-cities.json", _("open-data/")), views.cities_json, name="cities-json"),
    path(format_lazy("{}city-names.json", _("open-data/")), views.city_names, name="city-names"),
    path("<slug:slug>/", views.CityDetailView.as_view(), name="city-detail"),
]
