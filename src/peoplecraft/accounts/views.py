"""Sign-in, sign-out and one-time sign-in links. Thin: the services do the work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from peoplecraft.accounts import selectors, services
from peoplecraft.accounts.forms import DisplayNameForm, ShareScoresForm, SignInForm
from peoplecraft.core.http import post_form


@method_decorator(login_not_required, name="dispatch")
class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a confirm button; POST spends the token.

    Spending the token on GET would let link previews and prefetchers burn it.
    """
    if request.method == "GET":
        if not selectors.sign_in_token_is_valid(raw_token=token):
            return render(request, "accounts/link_invalid.html", status=410)
        return render(request, "accounts/link_confirm.html")
    user = services.sign_in_token_consume(raw_token=token)
    if user is None:
        return render(request, "accounts/link_invalid.html", status=410)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("/")


@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """Your settings: the name raters see, and whether your anonymised scores join the installation pool."""
    if request.method == "POST":
        form = ShareScoresForm(request.POST)
        if form.is_valid():
            share = form.cleaned_data["share_anonymised_scores"]
            services.user_share_scores_set(user=request.user, share=share)
            messages.success(
                request, _("You now share anonymised scores.") if share else _("You no longer share scores.")
            )
            return redirect("accounts:settings")
    else:
        form = ShareScoresForm(initial={"share_anonymised_scores": request.user.share_anonymised_scores})
    return _settings(request, form=form, name_form=DisplayNameForm(initial={"public_name": request.user.public_name}))


@post_form("accounts:settings", "#name-heading")
def display_name_set(request: HttpRequest) -> HttpResponse:
    """Set the name raters and teammates see (never the account name)."""
    name_form = DisplayNameForm(request.POST)
    if name_form.is_valid():
        try:
            shown = services.user_display_name_set(user=request.user, name=name_form.cleaned_data["public_name"])
        except ValidationError as error:
            name_form.add_error("public_name", error)
        else:
            messages.success(request, _("Raters and teammates now see you as “%(name)s”.") % {"name": shown})
            return redirect("accounts:settings")
    form = ShareScoresForm(initial={"share_anonymised_scores": request.user.share_anonymised_scores})
    return _settings(request, form=form, name_form=name_form, status=400)


def _settings(request: HttpRequest, *, form, name_form, status: int = 200) -> HttpResponse:
    return render(request, "accounts/settings.html", {"form": form, "name_form": name_form}, status=status)
