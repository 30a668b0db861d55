from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("recs", "0001_initial"),
        ("cities", "0001_initial"),
        ("events", "0001_initial"),
        ("pressreview", "0001_initial"),
    ]

    # The staff roles are now kept in step on post_migrate (recs.roles); this step stays
    # in the history, empty, so that databases that ran it and new ones agree.
    operations = []
