import os
import shutil

import pytest

# Live-server browser tests run Playwright's sync API beside Django's ORM in one thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Each test uploads into a folder of its own, removed afterwards."""
    folder = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = folder
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached and no rate limit counted."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def mail_goes_through_the_queue(settings):
    """Django's test set-up replaces EMAIL_BACKEND with its outbox: put the queue back in front."""
    settings.EMAIL_BACKEND = "post_office.EmailBackend"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The site's initial content is loaded once, when the test database is made; each
    test's transaction is rolled back, so every test finds it as it was."""
    from recs.site.seed.loader import load

    with django_db_blocker.unblock():
        load()


@pytest.fixture
def seeded(db):
    """The site's initial content, loaded as `make run` loads it (once per session)."""
    from cities.models import City
    from recs.site.seed.loader import load

    if not City.objects.exists():  # a transactional test before this one emptied the database
        load()


def uses_database(request):
    return request.node.get_closest_marker("django_db") or {"db", "transactional_db", "live_server"} & set(
        request.fixturenames
    )


@pytest.fixture(autouse=True)
def only_the_content_a_test_asks_for(request):
    """A test that does not ask for the initial content (``seeded``) starts without it."""
    if not uses_database(request) or "seeded" in request.fixturenames:
        return
    request.getfixturevalue("_django_db_helper")  # inside the test's transaction: rolled back after
    remove_initial_content()


def remove_initial_content():
    from django.db import connection

    from cities.models import City, StatusChange
    from events.models import Event
    from recs.pages.models import Contact, Page

    with connection.cursor() as cursor:  # the adhesion history refuses queryset deletes
        cursor.execute(f"DELETE FROM {StatusChange._meta.db_table}")
    for model in (Event, Page, Contact, City):
        model.objects.all().delete()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
