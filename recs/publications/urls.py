from django.urls import path

from . import views
from .feeds import PublicationAtomFeed, PublicationFeed

app_name = "publications"
urlpatterns = [
    path("", views.PublicationListView.as_view(), name="publication-list"),
    path("rss/", PublicationFeed(), name="publication-rss"),
    path("atom/", PublicationAtomFeed(), name="publication-atom"),
    path("<slug:slug>/", views.PublicationDetailView.as_view(), name="publication-detail"),
]
