from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from post_office.admin import AttachmentAdmin
from post_office.models import Attachment, EmailTemplate, Log

from recs.common.admin_tools import LinkRowsUnlistedOnDeleteMixin, SafeAutocompleteAdminMixin

admin.site.site_header = _("RECS back office")
admin.site.site_title = _("RECS back office")
admin.site.index_title = _("Content of the Rete Città Strategiche site")
admin.site.index_template = "admin/recs_index.html"  # what needs attention, then the content

# The mail queue (django-post-office) shows in the back office as its list of messages,
# each with its delivery attempts and a "requeue" action. The site writes its mails from
# its own templates, so the library's templates (and the log, shown on each message) stay hidden.
for model in (EmailTemplate, Log):
    admin.site.unregister(model)
admin.site.unregister(Attachment)
admin.site.register(Attachment, type("AttachmentAdmin", (SafeAutocompleteAdminMixin, AttachmentAdmin), {}))
admin.site.unregister(get_user_model())
admin.site.unregister(Group)

#: The four permissions Django gives every model, named in the staff's language.
PERMISSION_ACTIONS = {
    "add": pgettext_lazy("permission", "add"),
    "change": pgettext_lazy("permission", "change"),
    "delete": pgettext_lazy("permission", "delete"),
    "view": pgettext_lazy("permission", "view"),
}


def permission_label(permission):
    """ "Cities – add" rather than Django's stored English "cities | city | Can add city"."""
    model = permission.content_type.model_class()
    action, _separator, model_name = permission.codename.partition("_")
    if model is not None and action in PERMISSION_ACTIONS and model_name == model._meta.model_name:
        return f"{capfirst(model._meta.verbose_name_plural)} – {PERMISSION_ACTIONS[action]}"
    return gettext(permission.name)  # a permission of the site's own, named in its code


class PermissionsInTheStaffLanguageMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["queryset"] = Permission.objects.select_related("content_type")
            field = super().formfield_for_manytomany(db_field, request, **kwargs)
            field.label_from_instance = permission_label
            return field
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Group)
class StaffGroupAdmin(LinkRowsUnlistedOnDeleteMixin, PermissionsInTheStaffLanguageMixin, GroupAdmin):
    pass


@admin.register(get_user_model())
class StaffAccountAdmin(LinkRowsUnlistedOnDeleteMixin, PermissionsInTheStaffLanguageMixin, UserAdmin):
    """Staff accounts, managed by the administrators.

    An account that has done anything in the back office is never deleted (its history
    would go with it): it is deactivated instead. Only a superuser makes superusers or
    hands out single permissions; the others give roles, as groups.
    """

    actions = []  # no bulk deletion

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (
            (obj.is_superuser and not request.user.is_superuser) or LogEntry.objects.filter(user=obj).exists()
        ):
            return False
        return super().has_delete_permission(request, obj)
