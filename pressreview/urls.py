from django.urls import path

from . import views
from .feeds import PressReviewAtomFeed, PressReviewFeed

app_name = "pressreview"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("rss/", PressReviewFeed(), name="press-rss"),
    path("atom/", PressReviewAtomFeed(), name="press-atom"),
    path("<int:year>/<int:month>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
