from django.urls import path

from . import views

app_name = "newsletter"
urlpatterns = [
    path("", views.IssueListView.as_view(), name="issue-list"),
    path("<slug:slug>/", views.IssueDetailView.as_view(), name="issue-detail"),
]
