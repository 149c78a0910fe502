from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from peoplecraft.accounts.models import DISPLAY_NAME_MAX_LENGTH


class SignInForm(AuthenticationForm):
    """Username and password sign-in (throttled by django-axes per username and address)."""


class ShareScoresForm(forms.Form):
    """The opt-in to the installation pool (what is shared is explained on the page)."""

    share_anonymised_scores = forms.BooleanField(
        required=False, label=_("Share my anonymised per-skill answers and scores with this installation")
    )


class DisplayNameForm(forms.Form):
    """The name raters and teammates see; empty goes back to the neutral default."""

    public_name = forms.CharField(
        required=False,
        max_length=DISPLAY_NAME_MAX_LENGTH,
        label=_("Your name"),
        help_text=_("Raters and teammates see this name. Leave it empty to be shown as “Your colleague”."),
    )
