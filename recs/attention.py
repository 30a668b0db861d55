"""What needs the staff's attention, shown on the back office's home page: cities waiting
for a decision on their adhesion, content still missing its English text, drafts, and
mails the queue could not deliver. Each item links to the list that shows them, and
only the lists a member of staff may see are offered."""

from dataclasses import dataclass

from django.contrib import admin
from django.urls import reverse
from django.utils.translation import ngettext

from recs.common.admin_tools import missing_english

#: Counted up to this many: beyond it the list says how many there are.
COUNTED_UP_TO = 100


@dataclass
class Attention:
    text: str
    count: int
    url: str

    @property
    def shown_count(self):
        return f"{COUNTED_UP_TO - 1}+" if self.count >= COUNTED_UP_TO else str(self.count)


def counted(queryset):
    """How many, reading at most ``COUNTED_UP_TO`` of them (a million clippings stay quick)."""
    return queryset[:COUNTED_UP_TO].count()


def kind(model, count):
    """The model's name, singular for one."""
    return model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural


def changelist(model, query):
    opts = model._meta
    return f"{reverse(f'admin:{opts.app_label}_{opts.model_name}_changelist')}?{query}"


def needs_attention(request):
    from post_office.models import STATUS, Email

    from cities.models import City, Status
    from events.models import Event, WorkingGroup
    from pressreview.models import Article
    from recs.pages.models import Page
    from recs.publications.models import Publication

    def may_see(model):
        model_admin = admin.site._registry.get(model)
        return model_admin is not None and model_admin.has_view_or_change_permission(request)

    items = []
    if may_see(City):
        applicants = counted(City.objects.members().with_status().filter(current_status=Status.APPLICANT))
        items.append(
            Attention(
                ngettext(
                    "city waiting for a decision on its adhesion",
                    "cities waiting for a decision on their adhesion",
                    applicants,
                ),
                applicants,
                changelist(City, f"status={Status.APPLICANT.value}"),
            )
        )
    for model in (Event, Article, Page, Publication):
        if may_see(model):
            count = counted(model.objects.filter(is_published=False))
            text = ngettext("%(kind)s not published yet", "%(kind)s not published yet", count)
            items.append(
                Attention(
                    text % {"kind": kind(model, count)}, count, changelist(model, "is_published__exact=0")
                )
            )
    for model in (City, WorkingGroup, Event, Article, Page, Publication):
        if may_see(model):
            count = counted(model.objects.filter(missing_english(model)))
            text = ngettext("%(kind)s without its English text", "%(kind)s without their English text", count)
            items.append(
                Attention(text % {"kind": kind(model, count)}, count, changelist(model, "english=missing"))
            )
    if may_see(Email):
        failed = counted(Email.objects.filter(status=STATUS.failed))
        items.append(
            Attention(
                ngettext("mail not delivered", "mails not delivered", failed),
                failed,
                changelist(Email, f"status__exact={STATUS.failed}"),
            )
        )
    return [item for item in items if item.count]
