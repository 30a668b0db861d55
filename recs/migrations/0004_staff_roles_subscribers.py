from django.db import migrations

from recs.roles import sync_roles


class Migration(migrations.Migration):
    """Editors manage the mailing list's subscribers too."""

    dependencies = [("recs", "0003_subscriber")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
