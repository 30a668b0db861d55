from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import FormView

from recs.common import ratelimit

from . import subscriptions
from .forms import SubscribeForm


class SubscribeView(FormView):
    extra_context = {"title": _("Mailing list")}
    template_name = "mailinglist/subscribe.html"
    form_class = SubscribeForm

    def get_initial(self):
        return {"language": translation.get_language()}

    def post(self, request, *args, **kwargs):
        if not ratelimit.allowed("subscribe-client", ratelimit.client_address(request)):
            return ratelimit.too_many_requests(request, "subscribe-client")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not ratelimit.allowed("subscribe-mailbox", ratelimit.mailbox(form.cleaned_data["email"])):
            return ratelimit.too_many_requests(self.request, "subscribe-mailbox")
        subscriptions.subscribe(
            self.request, form.cleaned_data["email"].lower(), form.cleaned_data["language"]
        )
        return render(self.request, "mailinglist/subscription_message.html", {"message": "sent"})


@never_cache  # an answer about one subscriber's state, never kept by a cache
def subscription_confirm(request, token):
    subscriber = subscriptions.confirm(token)
    if subscriber is None:
        return render(request, "mailinglist/subscription_message.html", {"message": "invalid"}, status=404)
    return render(request, "mailinglist/subscription_message.html", {"message": "confirmed"})


@never_cache
@csrf_exempt  # mail clients unsubscribe with a bare POST (RFC 8058); the signed link is the credential
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows one button (mail scanners follow links); the POST it sends unsubscribes,
    as does a mail client's one-click POST (RFC 8058)."""
    subscriber = subscriptions.subscriber_to_unsubscribe(token)
    if subscriber is None:
        return render(request, "mailinglist/subscription_message.html", {"message": "invalid"}, status=404)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
    elif subscriber.status != subscriber.Status.UNSUBSCRIBED:
        return render(request, "mailinglist/subscription_message.html", {"message": "confirm-unsubscribe"})
    return render(request, "mailinglist/subscription_message.html", {"message": "unsubscribed"})
