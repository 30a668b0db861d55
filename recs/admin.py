from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from post_office.models import EmailTemplate, Log

admin.site.site_header = _("RECS back office")
admin.site.site_title = _("RECS back office")
admin.site.index_title = _("Content of the Rete Città Strategiche site")

# The mail queue (django-post-office) shows in the back office as its list of messages,
# each with its delivery attempts and a "requeue" action. The site writes its mails from
# its own templates, so the library's templates (and the log, shown on each message) stay hidden.
for model in (EmailTemplate, Log):
    admin.site.unregister(model)
