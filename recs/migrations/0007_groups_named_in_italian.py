from django.db import migrations

RENAMED = {"Editors": "Redazione", "Coordinators": "Coordinamento", "Administrators": "Amministrazione"}


def rename(apps, schema_editor, names):
    group = apps.get_model("auth", "Group")
    for old, new in names.items():
        if not group.objects.filter(name=new).exists():
            group.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    """The staff groups keep their members and permissions under Italian names
    (recs/roles.py names them; the back office's staff work in Italian)."""

    dependencies = [
        ("recs", "0006_content_moves_to_its_apps"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: rename(apps, editor, RENAMED),
            lambda apps, editor: rename(apps, editor, {new: old for old, new in RENAMED.items()}),
        )
    ]
