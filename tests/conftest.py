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
def mail_goes_through_the_queue(settings):
    """Django's test set-up replaces EMAIL_BACKEND with its outbox: put the queue back in front."""
    settings.EMAIL_BACKEND = "post_office.EmailBackend"


@pytest.fixture
def seeded(db):
    """The site's initial content, loaded as `make run` loads it."""
    from recs.site.seed.loader import load

    return load()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
