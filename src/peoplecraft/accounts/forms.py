from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    """Username and password sign-in (throttled by django-axes per username and address)."""
