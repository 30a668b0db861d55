from django.apps import AppConfig


class SiteConfig(AppConfig):
    """What spans the whole site: the home page, the site search, the sitemap, robots.txt
    and the initial content. It sits on top: it may use every other app."""

    name = "recs.site"
    label = "site"
