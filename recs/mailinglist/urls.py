from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "mailinglist"
urlpatterns = [
    path(_("mailing-list/"), views.SubscribeView.as_view(), name="subscribe"),
    path(_("mailing-list/confirm/<str:token>/"), views.subscription_confirm, name="subscription-confirm"),
    path(_("mailing-list/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
