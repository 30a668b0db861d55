"""The site's main menu, defined once: the header shows it, and marks where the visitor is."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from recs.common.addresses import address_of

MAIN_MENU = [
    (_("The association"), "pages:association"),
    (_("Cities"), "cities:city-list"),
    (_("Working groups"), "events:workinggroup-list"),
    (_("Agenda"), "events:event-list"),
    (_("Press review"), "pressreview:article-list"),
    (_("Publications"), "publications:publication-list"),
    (_("Contacts"), "pages:contacts"),
]


def branding(request):
    """Context processor: ``site_logo``, the static path of the header's logo ("" for none)."""
    return {"site_logo": settings.SITE_LOGO}


def main_menu(request):
    """Context processor: ``main_menu``, each item with its address and whether the
    visitor is in that section (the longest matching address wins)."""
    items = [{"label": label, "url": address_of(name)} for label, name in MAIN_MENU]
    path = request.path
    inside = [item for item in items if path.startswith(item["url"])]
    current = max(inside, key=lambda item: len(item["url"]), default=None)
    for item in items:
        item["current"] = item is current
    return {"main_menu": items}
