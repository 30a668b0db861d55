from django.db import migrations


class Migration(migrations.Migration):
    """Editors manage the mailing list's subscribers too."""

    dependencies = [("recs", "0003_subscriber")]

    # The staff roles are now kept in step on post_migrate (recs.roles); this step stays
    # in the history, empty, so that databases that ran it and new ones agree.
    operations = []
