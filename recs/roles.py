"""The two staff roles of the back office, defined once.

- Editors manage all the site's content, but not user accounts or permissions, and
  only read the adhesion history (recording it is the coordinators' duty).
- Coordinators read the cities and record their status changes, nothing else.
- Administrators manage the staff accounts and groups, lift login lock-outs and look
  after the mail queue; they edit no content.

The groups are created and kept in step after every ``migrate`` (and every test
database flush), on ``post_migrate``, as ``django.contrib.auth`` creates permissions:
a content model added to one of CONTENT_APPS reaches the editors by itself.
"""

# The groups' names, in Italian: the back office's staff work in Italian (a group's name
# is data, shown as it is in either language). Migration recs 0007 renamed the old ones.
EDITORS = "Redazione"
COORDINATORS = "Coordinamento"
ADMINISTRATORS = "Amministrazione"

CONTENT_APPS = ("pages", "mailinglist", "cities", "events", "pressreview", "publications", "newsletter")
# The adhesion history: coordinators record it; nobody edits or deletes it.
EDITORS_MAY_NOT = (
    ("cities", "add_statuschange"),
    ("cities", "change_statuschange"),
    ("cities", "delete_statuschange"),
)
ADMINISTRATOR_APPS = ("auth", "axes")
ADMINISTRATOR_PERMISSIONS = (
    ("post_office", "view_email"),
    ("post_office", "change_email"),  # requeue a mail that failed
    ("admin", "view_logentry"),
)
COORDINATOR_PERMISSIONS = (
    ("cities", "view_city"),
    ("cities", "view_statuschange"),
    ("cities", "add_statuschange"),
)


def sync_roles(apps, schema_editor=None):
    """Create both groups and give them exactly their permissions.

    Takes the (historical) app registry so that it can run inside a migration.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions of apps whose post_migrate has not run yet: make sure they exist now.
    for app_config in apps.get_app_configs():
        historical = getattr(app_config, "models_module", None) is None  # a migration state's app
        if historical:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if historical:
            app_config.models_module = None

    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")

    def permissions(pairs):
        chosen = permission_model.objects.none()
        for app_label, codename in pairs:
            chosen |= permission_model.objects.filter(content_type__app_label=app_label, codename=codename)
        return chosen

    editors, _ = group_model.objects.get_or_create(name=EDITORS)
    editors.permissions.set(
        permission_model.objects.filter(content_type__app_label__in=CONTENT_APPS).exclude(
            pk__in=permissions(EDITORS_MAY_NOT)
        )
    )
    coordinators, _ = group_model.objects.get_or_create(name=COORDINATORS)
    coordinators.permissions.set(permissions(COORDINATOR_PERMISSIONS))
    administrators, _ = group_model.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(
        permission_model.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
        | permissions(ADMINISTRATOR_PERMISSIONS)
    )


def sync_roles_after_migrate(sender, apps=None, **kwargs):
    """post_migrate receiver (connected for the recs app only, so it runs once per migrate).

    ``migrate`` passes the migrated state's apps; ``flush`` passes none (the live ones).
    """
    from django.apps import apps as live_apps

    sync_roles(apps or live_apps)
