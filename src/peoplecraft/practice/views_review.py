"""The card review queue: due cards one at a time, graded with buttons (or keys 1–4), with undo.

Works without JavaScript: each grade and the undo are plain POST forms that redirect back to
the queue. ``static/peoplecraft/card-review.js`` only adds the keyboard shortcuts.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_GET, require_POST

from peoplecraft.core.http import redirect_after_post
from peoplecraft.practice import selectors, services
from peoplecraft.practice.forms import GradeForm

# key, grade, label: the shortcuts the page announces and card-review.js listens for
GRADE_KEYS = (
    ("1", "missed", gettext_noop("Missed")),
    ("2", "hard", gettext_noop("Hard")),
    ("3", "good", gettext_noop("Good")),
    ("4", "easy", gettext_noop("Easy")),
)


@require_GET
def review(request: HttpRequest) -> HttpResponse:
    return _review_page(request)


def _review_page(request: HttpRequest, *, error: str = "", status: int = 200) -> HttpResponse:
    focus, _source = selectors.focus_get(owner=request.user)
    queue = selectors.cards_for(owner=request.user, skills=focus, due_only=True)
    context = {
        "current": queue[0] if queue else None,
        "left": len(queue),
        "focus": focus,
        "grade_keys": [(key, grade, _(label)) for key, grade, label in GRADE_KEYS],
        "last": selectors.card_review_last(owner=request.user),
        "error": error,
    }
    return render(request, "practice/review.html", context, status=status)


@require_POST
def review_grade(request: HttpRequest) -> HttpResponse:
    form = GradeForm(request.POST)
    card_id = request.POST.get("card", "")
    if not form.is_valid():
        return _review_page(request, error=_("Grade it missed, hard, good or easy."), status=400)
    try:
        state = services.card_grade(owner=request.user, card_id=card_id, grade=form.cleaned_data["grade"])
    except services.PracticeError as problem:
        return _review_page(request, error=str(problem), status=400)
    due = timezone.localtime(state.due).strftime("%Y-%m-%d")
    messages.success(request, _("Graded %(grade)s; next time: %(due)s.") % {"grade": state.last_grade, "due": due})
    return redirect_after_post(request, "practice:review")


@require_POST
def review_undo(request: HttpRequest) -> HttpResponse:
    undone = services.card_grade_undo(owner=request.user)
    if undone is None:
        messages.error(request, _("There is no grade to undo."))
    else:
        messages.success(
            request, _("Undid the grade “%(grade)s”: the card is back as it was.") % {"grade": undone.grade}
        )
    return redirect_after_post(request, "practice:review")
