from .models import Page


def site(request):
    """The association's menu pages, shown in every page's header and footer."""
    return {"menu_pages": Page.objects.published().only("title_it", "title_en", "slug_it", "slug_en")}
