"""The Italian back office speaks Italian: a crawl of the pages staff use, looking for the
English words of an interface in what they read (not in the content they edit)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from .admin_urls import model_admin_urls

pytestmark = pytest.mark.django_db

#: Words of an English interface that Italian never uses ("a", "in", "No", "Home",
#: "Password" and "Email" are Italian too, and left out).
ENGLISH = set(
    """
    the and of to with this that you your for by from is are be has have will can not
    or on at an Add Change Delete Save Search Filter Choose Remove Select Yes Unknown
    All Today View Show Hide Clear Now Go Run Available Chosen Previous Next None Any
    Name Year Title Currently Upload Welcome Documentation actions selected Action
    Recent My Summary items Required Modified Added Changed Deleted Can city cities
    page pages event events group groups Access attempts failures logs Emails Logins
    Time Path User Agent Address
    """.split()
)
WORD = re.compile(r"\b[A-Za-z]+\b")  # whole words: not the letters of a code such as "bc0be5"


class InterfaceText(HTMLParser):
    """The text a member of staff reads: not scripts, not the content in form fields or
    shown read-only, not the options of a select (names of content), not what is marked
    as written in another language."""

    SKIPPED = {"script", "style", "textarea", "option", "select", "pre"}

    def __init__(self):
        super().__init__()
        self.skipping = []
        self.texts = []

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def handle_starttag(self, tag, attrs):
        if self.skipping:  # inside a skipped element: follow its nesting
            if tag not in self.VOID:
                self.skipping.append(tag)
            return
        attributes = dict(attrs)
        read_only = tag == "div" and "readonly" in (attributes.get("class") or "").split()
        if tag in self.SKIPPED or read_only or attributes.get("lang", "it") != "it":
            self.skipping.append(tag)
        if not self.skipping:
            for name in ("title", "placeholder", "aria-label", "alt"):
                if attributes.get(name):
                    self.texts.append(attributes[name])
            if tag == "input" and attributes.get("type") in {"submit", "button"} and attributes.get("value"):
                self.texts.append(attributes["value"])

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data.strip())


def english_in(html, content):
    parser = InterfaceText()
    parser.feed(html)
    found = []
    for text in parser.texts:
        for name in content:  # an object's name, which its author wrote
            text = text.replace(name, "")
        words = set(WORD.findall(text))
        if words & ENGLISH:
            found.append(text)
    return found


def staff_pages(one_of_each):
    yield reverse("admin:index")
    for _model, view, url in model_admin_urls(one_of_each):
        yield url
        if view == "changelist":
            yield f"{url}?q=zzz"
    yield reverse("admin:password_change")


def test_no_english_interface_text_in_the_italian_back_office(client, superuser, one_of_each):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    client.force_login(superuser)
    content = {str(obj) for obj in one_of_each.values()}
    # The sign-in records are named by django-axes, in English, like content.
    for records in (AccessAttempt, AccessFailureLog, AccessLog):
        content |= {str(record) for record in records.objects.all()}
    found = {}
    for url in staff_pages(one_of_each):
        response = client.get(url, headers={"accept-language": "it"}, follow=True)
        if response.status_code != 200:
            continue  # what no one may do (tested in test_admin)
        english = english_in(response.text, content)
        if english:
            found[url] = english
    assert found == {}


def test_the_back_office_scripts_speak_italian_too(client, superuser):
    """The selector of many objects (groups, permissions) says "Choose all …" from
    Django's JavaScript catalogue, which leaves a few strings untranslated in Italian."""
    client.force_login(superuser)
    catalogue = client.get("/admin/jsi18n/", headers={"accept-language": "it"}).text
    for english, italian in [
        ("Choose all %s", "Scegli tutto: %s"),
        ("Remove all %s", "Togli tutto: %s"),
        ("Choose selected %s", "Scegli gli elementi selezionati: %s"),
        ("Remove selected %s", "Togli gli elementi selezionati: %s"),
    ]:
        assert f'"{english}": "{italian}"' in catalogue, english
