from django.urls import path

from recs.urls import handler500, urlpatterns  # noqa: F401

from .instrument import bare

urlpatterns = [path("bare/", bare, name="bare"), *urlpatterns]
