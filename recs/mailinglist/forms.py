from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    consent = forms.BooleanField(
        label=_(
            "I agree that the association keeps my address to send me its news; I can unsubscribe at any time."
        )
    )
