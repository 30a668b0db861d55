"""The back office's login: repeated failures lock it for a while, per account and per address."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        headers={"accept-language": "en"},
    )


def test_twenty_wrong_passwords_then_the_right_one_does_not_log_in(client, django_user_model):
    django_user_model.objects.create_superuser("redazione", "r@example.org", "la-password-giusta")
    statuses = [attempt(client, "redazione", f"sbagliata-{n}").status_code for n in range(20)]
    assert statuses[:4] == [200] * 4  # the form again, saying what is wrong
    assert set(statuses[5:]) == {429}
    locked = attempt(client, "redazione", "la-password-giusta")
    assert locked.status_code == 429
    assert "Login blocked for a while" in locked.text and "RECS back office" in locked.text
    assert "After 5 failed attempts" in locked.text and "30 minutes" in locked.text
    assert "_auth_user_id" not in client.session
    # The same account from another address is locked too (per account)...
    assert attempt(client, "redazione", "la-password-giusta", address="198.51.100.9").status_code == 429
    # ...and so is the first address for another account (per address).
    django_user_model.objects.create_superuser("ufficio", "u@example.org", "altra-password-giusta")
    assert attempt(client, "ufficio", "altra-password-giusta").status_code == 429


def test_an_administrator_sees_and_lifts_lockouts(client, django_user_model, superuser):
    django_user_model.objects.create_user("coordinatrice", password="la-sua-password", is_staff=True)
    for n in range(5):
        attempt(client, "coordinatrice", f"sbagliata-{n}", address="192.0.2.1")
    assert AccessAttempt.objects.filter(username="coordinatrice").exists()
    client.force_login(superuser)
    listing = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert "coordinatrice" in listing.text
    # Lifting the lock-out is deleting the attempts.
    AccessAttempt.objects.filter(username="coordinatrice").delete()
    other = client.__class__()
    assert attempt(other, "coordinatrice", "la-sua-password", address="192.0.2.1").status_code == 302
