import secrets
import sys

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure a local administrator account exists. At a terminal you choose its "
        "password; without one, a random password is made and shown once. Does nothing "
        "when an administrator already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account already exists: nothing to do.")
            return
        if sys.stdin.isatty():
            self.stdout.write("Create the local administrator account:")
            call_command("createsuperuser", username=username, email="", interactive=True)
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator account created.\n  user:     {username}\n  password: {password}\n"
                "This password is shown only now: write it down, or change it with "
                f"'python manage.py changepassword {username}'."
            )
        )
