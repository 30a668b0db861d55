from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from recs.site.sitemaps import index as sitemap_index
from recs.site.sitemaps import section as sitemap_section
from recs.site.views import favicon, robots_txt

from . import health

handler500 = "recs.outage.server_error"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # An index of sections, each in pages of a bounded size, however much content there is.
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", sitemap_section, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("favicon.ico", favicon),
]

urlpatterns += i18n_patterns(
    path("", include("recs.site.urls")),
    path("", include("recs.pages.urls")),
    path("", include("recs.mailinglist.urls")),
    path(_("cities/"), include("cities.urls")),
    path("", include("events.urls")),
    path(_("press-review/"), include("pressreview.urls")),
    path(_("publications/"), include("recs.publications.urls")),
    path(_("newsletter/"), include("recs.newsletter.urls")),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
