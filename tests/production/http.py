"""A small HTTP client for the tests that talk to real servers (no redirects followed)."""

import html.parser
import http.client
import time
import urllib.parse
from dataclasses import dataclass, field
from http.cookies import SimpleCookie


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


@dataclass
class Browser:
    """Keeps cookies between requests, like a visitor's browser (for any host and port)."""

    cookies: dict = field(default_factory=dict)

    def request(self, url, method="GET", data=None, headers=None, timeout=20):
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        sent = {"Accept-Language": "it"} | (headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        connection.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), body, sent)
        response = connection.getresponse()
        content = response.read()
        seconds = time.monotonic() - started
        connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Response(response.status, response.headers, content, seconds)

    def get(self, url, **kwargs):
        return self.request(url, **kwargs)

    def post(self, url, data, **kwargs):
        return self.request(url, method="POST", data=data, **kwargs)


class FormParser(html.parser.HTMLParser):
    """The fields of the first form with `id` (or the first form), as a browser would submit them."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id, self.inside, self.done = form_id, False, False
        self.fields, self.textarea, self.select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and (self.form_id is None or attrs.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file", "image"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append([name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = [name, None]
        elif tag == "option" and self.select is not None:
            if self.select[1] is None or "selected" in attrs:
                self.select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select is not None:
            if self.select[1] is not None:
                self.fields.append(self.select)
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def form_fields(page_html, form_id=None):
    parser = FormParser(form_id)
    parser.feed(page_html)
    return {name: value for name, value in parser.fields}
