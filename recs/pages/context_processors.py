from django.utils.functional import cached_property

from .models import Page


class SitePages:
    """The association's menu pages (header and footer) and the footer's small print,
    read in one query the first time a template asks (admin pages never do)."""

    @cached_property
    def published(self):
        fields = ("role", "title_it", "title_en", "slug_it", "slug_en")
        return list(Page.objects.published().only(*fields).order_by("menu_order", "pk"))

    @cached_property
    def menu(self):
        return [page for page in self.published if page.role == Page.Role.ASSOCIATION]

    @cached_property
    def small_print(self):
        pages = [page for page in self.published if page.role != Page.Role.ASSOCIATION]
        return sorted(pages, key=lambda page: page.role)

    @cached_property
    def privacy(self):
        return next((page for page in self.published if page.role == Page.Role.PRIVACY), None)


def site(request):
    return {"site_pages": SitePages()}
