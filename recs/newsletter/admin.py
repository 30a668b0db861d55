from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from recs.common.languages import codes
from recs.common.translation_rules import translated_field_names
from recs.common.versions import VersionsAdmin
from recs.mailinglist.models import Subscriber

from . import sending
from .models import Issue


def issue_subject(issue, language):
    with translation.override(language):
        return issue.subject


@admin.register(Issue)
class IssueAdmin(VersionsAdmin, TabbedTranslationAdmin):
    """Write an issue, preview it in each language, try it on your own address, send it."""

    list_display = ["subject", "created_at", "sent_at", "recipients"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["subject_it", "subject_en"]
    prepopulated_fields = {"slug": ["subject"]}
    change_form_template = "admin/newsletter/issue_change_form.html"
    fields = ["subject", "slug", "body", "news_since", "sent_at", "sent_by", "recipients"]
    readonly_fields = ["sent_at", "sent_by", "recipients"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_sent:  # the archive shows what subscribers received
            translated = translated_field_names(Issue)
            return [
                column
                for name in self.fields
                for column in ([f"{name}_{code}" for code in codes()] if name in translated else [name])
            ]
        return self.readonly_fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.is_sent else super().get_prepopulated_fields(request, obj)

    def get_urls(self):
        own = [
            path(
                "<int:pk>/preview/<str:language>/",
                self.admin_site.admin_view(self.preview),
                name="newsletter_issue_preview",
            ),
            path("<int:pk>/test/", self.admin_site.admin_view(self.send_test), name="newsletter_issue_test"),
            path("<int:pk>/send/", self.admin_site.admin_view(self.send), name="newsletter_issue_send"),
        ]
        return own + super().get_urls()

    def issue_for(self, request, pk, change=False):
        issue = get_object_or_404(Issue, pk=pk)
        allowed = (
            self.has_change_permission(request, issue) if change else self.has_view_permission(request, issue)
        )
        if not allowed:
            raise PermissionDenied
        return issue

    def preview(self, request, pk, language):
        """The mail as a subscriber in ``language`` will read it (with the latest news of now)."""
        issue = self.issue_for(request, pk)
        if language not in codes():
            language = codes()[0]
        sample_link = request.build_absolute_uri(reverse("mailinglist:subscribe"))
        context = {
            **self.admin_site.each_context(request),
            "opts": Issue._meta,
            "original": issue,
            "title": _("Preview: %(subject)s") % {"subject": issue_subject(issue, language)},
            "subject": issue_subject(issue, language),
            "mail": sending.preview(issue, language, request, sample_link),
            "language": language,
            "languages": codes(),
        }
        return TemplateResponse(request, "admin/newsletter/preview.html", context)

    def send_test(self, request, pk):
        issue = self.issue_for(request, pk, change=True)
        if request.method != "POST":
            return redirect("admin:newsletter_issue_change", pk)
        if not request.user.email:
            messages.error(
                request, _("Your account has no e-mail address: add one to your user to receive tests.")
            )
        else:
            sending.send_test(issue, request)
            messages.success(
                request,
                _("A test in each language is on its way to %(email)s.") % {"email": request.user.email},
            )
        return redirect("admin:newsletter_issue_change", pk)

    def send(self, request, pk):
        """GET: what will happen, and a button; POST: send (once)."""
        issue = self.issue_for(request, pk, change=True)
        if issue.is_sent:
            messages.warning(request, _("This issue was already sent: it cannot be sent again."))
            return redirect("admin:newsletter_issue_change", pk)
        if request.method == "POST":
            try:
                count = sending.send_to_subscribers(issue, request)
            except sending.AlreadySent:
                messages.warning(request, _("This issue was already sent: it cannot be sent again."))
            else:
                messages.success(
                    request,
                    ngettext(
                        "The issue is queued for %(count)s subscriber: the mail queue delivers it.",
                        "The issue is queued for %(count)s subscribers: the mail queue delivers it.",
                        count,
                    )
                    % {"count": count},
                )
            return redirect("admin:newsletter_issue_change", pk)
        confirmed = Subscriber.objects.confirmed()
        context = {
            **self.admin_site.each_context(request),
            "opts": Issue._meta,
            "original": issue,
            "title": _("Send “%(subject)s”") % {"subject": issue.subject},
            "by_language": [
                (name, confirmed.filter(language=code).count())
                for code, name in Subscriber._meta.get_field("language").choices
            ],
            "total": confirmed.count(),
        }
        return TemplateResponse(request, "admin/newsletter/send.html", context)
