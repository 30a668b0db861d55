from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from .sitemaps import sitemaps
from .views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", RedirectView.as_view(url=static_url("recs/favicon.svg"), permanent=True)),
]

urlpatterns += i18n_patterns(
    path("", include("recs.public_urls")),
    path(_("cities/"), include("cities.urls")),
    path("", include("events.urls")),
    path(_("press-review/"), include("pressreview.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
