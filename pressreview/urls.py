from django.urls import path

from . import views

app_name = "pressreview"
urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("<int:year>/<int:month>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
