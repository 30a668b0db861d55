from django.db import migrations

from recs.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("recs", "0001_initial"),
        ("cities", "0001_initial"),
        ("events", "0001_initial"),
        ("pressreview", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
