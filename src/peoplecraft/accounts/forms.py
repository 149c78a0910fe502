from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class SignInForm(AuthenticationForm):
    """Username and password sign-in (throttled by django-axes per username and address)."""


class ShareScoresForm(forms.Form):
    """The opt-in to the installation pool (what is shared is explained on the page)."""

    share_anonymised_scores = forms.BooleanField(
        required=False, label=_("Share my anonymised per-skill answers and scores with this installation")
    )
