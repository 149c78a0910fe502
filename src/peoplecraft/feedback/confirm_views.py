"""The learner asks the other person to confirm one logged practice (see :mod:`confirm_services`)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from peoplecraft.core.http import redirect_after_post
from peoplecraft.feedback import confirm_services
from peoplecraft.feedback.services import FeedbackError, email_available
from peoplecraft.feedback.views import _base_url, _keep_links
from peoplecraft.practice import selectors as practice_selectors

ATTRIBUTED, POOLED = "attributed", "pooled"


class ConfirmForm(forms.Form):
    mode = forms.ChoiceField(
        label=gettext_lazy("Whose answer is it"),
        widget=forms.RadioSelect,
        initial=ATTRIBUTED,
        choices=[
            (
                ATTRIBUTED,
                gettext_lazy("About this one conversation: I will see their answer on this session (they are told so)"),
            ),
            (
                POOLED,
                gettext_lazy(
                    "Anonymous: their answer joins the skill's pooled micro-feedback, shown only in batches "
                    "of three or more, never on this session"
                ),
            ),
        ],
    )
    email = forms.EmailField(
        label=gettext_lazy("Their e-mail address (leave empty to get a link to pass on yourself)"),
        required=False,
    )


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = practice_selectors.entry_get(owner=request.user, entry_id=entry_id)  # 404 if not the learner's
    form = ConfirmForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                moment, link = confirm_services.confirmation_create(
                    owner=request.user,
                    entry_id=entry.pk,
                    base_url=_base_url(request),
                    attributed=form.cleaned_data["mode"] == ATTRIBUTED,
                    email=form.cleaned_data["email"],
                )
            except FeedbackError as error:
                for problem in error.problems:
                    form.add_error("email", problem)
            else:
                _keep_links(request, f"m{moment.pk}", [link])
                messages.success(
                    request, _("Your question is ready.") if link.url else _("Your question is on its way.")
                )
                return redirect_after_post(request, "feedback:moment", moment.pk)
        status = 400
    context = {
        "entry": entry,
        "form": form,
        "question": confirm_services.confirmation_question(entry),
        "email_available": email_available(),
    }
    return render(request, "feedback/confirm.html", context, status=status)
