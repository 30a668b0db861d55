"""Real-browser tests: Playwright driving Debian's Chromium (`make test` installs it)."""

from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class OutsideRequests(list):
    """Requests the page tried to send anywhere but the test server (all refused)."""


# Every violation of the Content-Security-Policy the page meets, kept for the tests to read.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


def open_page(browser, live_server, **options):
    context = browser.new_context(locale="it-IT", **options)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    allowed = urlsplit(live_server.url).netloc
    page.outside_requests = OutsideRequests()

    def only_local(route):
        if urlsplit(route.request.url).netloc == allowed:
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    return context, page


@pytest.fixture
def page(browser, live_server):
    context, page = open_page(browser, live_server)
    yield page
    context.close()


@pytest.fixture
def page_without_csp(browser, live_server):
    """For injecting a test tool (axe-core) into pages the site's policy would protect."""
    context, page = open_page(browser, live_server, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture
def admin_login(page, live_server, django_user_model):
    """Log a new superuser into the back office in the browser page."""

    def login(username="redazione", password="a-long-test-password"):
        django_user_model.objects.create_superuser(username, f"{username}@example.org", password)
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return login
