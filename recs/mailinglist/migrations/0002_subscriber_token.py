import secrets

from django.db import migrations, models

import recs.mailinglist.models


def give_each_subscriber_a_token(apps, schema_editor):
    subscriber_model = apps.get_model("mailinglist", "Subscriber")
    for subscriber in subscriber_model.objects.filter(token__isnull=True):
        subscriber.token = secrets.token_urlsafe(32)
        subscriber.save(update_fields=["token"])


class Migration(migrations.Migration):
    """Links carry a random token instead of the (signed, but readable) address."""

    dependencies = [("mailinglist", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="token",
            field=models.CharField(editable=False, max_length=43, null=True),
        ),
        migrations.RunPython(give_each_subscriber_a_token, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subscriber",
            name="token",
            field=models.CharField(
                default=recs.mailinglist.models.new_token, editable=False, max_length=43, unique=True
            ),
        ),
    ]
