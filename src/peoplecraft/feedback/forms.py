"""Forms of the learner's request page and the parsing of the rater's and self answers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from peoplecraft.assessment.instrument import Item
from peoplecraft.feedback.aggregation import QUESTIONS
from peoplecraft.feedback.models import Delivery, Group
from peoplecraft.skillmap.models import Guide, Skill

RATER_ROWS = 10
DONT_KNOW = "dk"


class RequestForm(forms.Form):
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.none(), widget=forms.CheckboxSelectMultiple, label=_lazy("Skills to be rated")
    )
    deadline = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_lazy("Deadline"))
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=2000, label=_lazy("Your message to raters")
    )
    reminder_days = forms.IntegerField(
        min_value=0,
        max_value=60,
        initial=3,
        label=_lazy("Remind everyone you asked this many days before the deadline (e-mail only)"),
    )
    attribute_manager = forms.BooleanField(
        required=False,
        initial=True,
        label=_lazy("Show my manager's answers attributed (the manager is told on the form)"),
    )

    delivery = forms.ChoiceField(
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        required=False,  # left out: Peoplecraft e-mails (refused with a clear message if it cannot)
        label=_lazy("How raters get their link"),
    )

    def __init__(self, *args, guide: Guide, email_available: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delivery"].initial = Delivery.EMAIL if email_available else Delivery.PASS_ON
        self.fields["skills"].queryset = (
            Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None)
            .select_related("area")
            .order_by("area__position", "position", "pk")
        )
        for index in range(RATER_ROWS):
            self.fields[f"email-{index}"] = forms.CharField(
                required=False, label=_("Rater %(n)d e-mail") % {"n": index + 1}, max_length=254
            )
            self.fields[f"group-{index}"] = forms.ChoiceField(
                required=False,
                choices=Group.choices,
                initial=Group.PEER,
                label=_("Rater %(n)d group") % {"n": index + 1},
            )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise ValidationError(_("The deadline %(d)s is in the past.") % {"d": deadline.isoformat()})
        return deadline

    def clean(self):
        """Check every rater row here, so that all problems show at once, each next to its field.

        The service checks the same again (the CLI has no form); what it alone can know (no
        e-mail server) comes back as a form-wide error in the summary.
        """
        data = super().clean()
        seen: set[str] = set()
        for index in range(RATER_ROWS):
            email = (data.get(f"email-{index}") or "").strip()
            if not email:
                continue
            try:
                validate_email(email)
            except ValidationError:
                self.add_error(f"email-{index}", _("%(e)s is not a valid e-mail address.") % {"e": email[:254]})
                continue
            if email.casefold() in seen:
                self.add_error(f"email-{index}", _("%(e)s is listed twice.") % {"e": email})
            seen.add(email.casefold())
        no_rater_errors = not any(self.has_error(f"email-{i}") for i in range(RATER_ROWS))
        if not seen and no_rater_errors:
            self.add_error("email-0", _("Add at least one rater."))
        return data

    def rater_rows(self) -> list[tuple]:
        return [(self[f"email-{i}"], self[f"group-{i}"]) for i in range(RATER_ROWS)]

    def raters(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        rows = [
            (data.get(f"group-{i}") or Group.PEER, (data.get(f"email-{i}") or "").strip()) for i in range(RATER_ROWS)
        ]
        return [(group, email) for group, email in rows if email]


def parse_answers(items: Sequence[Item], data: Mapping[str, str]) -> tuple[dict[str, int | None], list[str]]:
    """``item-<id>`` fields: a scale point, ``dk`` or nothing (both "don't know"). Unknown items are errors."""
    known = {item.id: item for item in items}
    ratings: dict[str, int | None] = {}
    problems = []
    for name in data:
        if name.startswith("item-") and name[5:] not in known:
            problems.append(_("%(name)s is not a statement of this request; nothing was saved.") % {"name": name[5:]})
    for item_id, item in known.items():
        raw = (data.get(f"item-{item_id}") or "").strip()
        if raw in ("", DONT_KNOW):
            ratings[item_id] = None
            continue
        try:
            value = int(raw)
        except ValueError:
            value = None
        if value is None or not item.scale.min <= value <= item.scale.max:
            problems.append(_("“%(text)s”: %(raw)s is not on the scale.") % {"text": item.other_text, "raw": raw[:20]})
            continue
        ratings[item_id] = value
    return ratings, problems


def parse_comments(data: Mapping[str, str]) -> dict[str, str]:
    return {question: data.get(f"comment-{question}", "") for question in QUESTIONS}


def rater_rows(items: Sequence[Item], ratings: Mapping[str, int | None], *, self_form: bool = False) -> list[dict]:
    """What a form shows per item: its text and its own scale's points, the saved one checked."""
    rows = []
    for item in items:
        saved = ratings.get(item.id)
        points = [
            {"value": value, "label": label, "checked": saved == value}
            for value, label in zip(range(item.scale.min, item.scale.max + 1), item.scale.labels, strict=True)
        ]
        rows.append(
            {
                "item": item,
                "text": item.self_text if self_form else item.other_text,
                "points": points,
                "unknown": saved is None,
                # Raters answer "No such occasion" with "Don't know": both leave the item out.
                "no_occasion": item.scale.no_occasion is not None,
            }
        )
    return rows


QUESTION_LABELS = {
    "keep": _lazy("What should they keep doing?"),
    "start": _lazy("What could they start doing?"),
    "stop": _lazy("What could they stop doing?"),
}


def question_fields(draft: Mapping | None) -> list[dict]:
    saved = (draft or {}).get("comments", {})
    return [{"name": q, "label": QUESTION_LABELS[q], "value": saved.get(q, "")} for q in QUESTIONS]


# --- Micro-feedback after a moment -------------------------------------------------------------

MOMENT_LABELS = (
    _lazy("Not well"),
    _lazy("Could be better"),
    _lazy("OK"),
    _lazy("Well"),
    _lazy("Very well"),
)


def moment_points(saved: str | None) -> list[dict]:
    return [
        {"value": value, "label": label, "checked": str(value) == (saved or "")}
        for value, label in enumerate(MOMENT_LABELS, start=1)
    ]


def parse_rating(raw: str | None) -> int | None:
    """The chosen point, or None (the service then says to choose one)."""
    raw = (raw or "").strip()
    return int(raw) if raw.isdigit() and len(raw) == 1 else None


class MomentForm(forms.Form):
    skill = forms.ModelChoiceField(queryset=Skill.objects.none(), label=_lazy("Skill"))
    question = forms.CharField(
        required=False,
        max_length=200,
        label=_lazy("Your question"),
        help_text=_lazy("Leave empty for “How did I do at <skill> just now?”"),
    )
    emails = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_lazy("E-mail addresses (one per line or separated by commas)"),
    )
    links = forms.IntegerField(
        min_value=0, max_value=20, initial=0, required=False, label=_lazy("Links to pass on yourself")
    )

    def __init__(self, *args, guide: Guide, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = (
            Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None)
            .select_related("area")
            .order_by("area__position", "position", "pk")
        )

    def clean_emails(self) -> str:
        """Every bad or repeated address at once, next to the field (the service checks them again)."""
        raw = self.cleaned_data.get("emails") or ""
        problems, seen = [], set()
        for email in _split_emails(raw):
            try:
                validate_email(email)
            except ValidationError:
                problems.append(_("%(e)s is not a valid e-mail address.") % {"e": email[:254]})
                continue
            if email.casefold() in seen:
                problems.append(_("%(e)s is listed twice.") % {"e": email})
            seen.add(email.casefold())
        if problems:
            raise ValidationError(problems)
        return raw

    def email_list(self) -> list[str]:
        return _split_emails(self.cleaned_data.get("emails") or "")


def _split_emails(raw: str) -> list[str]:
    return [part.strip() for part in raw.replace(",", "\n").splitlines() if part.strip()]


class ThresholdsForm(forms.Form):
    """Raise a sent request's anonymity thresholds; each field's minimum is its current value."""

    EXTRA_LABELS = {
        "others": _lazy("Small groups merged"),
        "all": _lazy("All raters together"),
        "comments": _lazy("Comments"),
    }

    def __init__(self, *args, current: dict[str, int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = {**dict(Group.choices), **self.EXTRA_LABELS}
        for name, value in current.items():
            self.fields[name] = forms.IntegerField(
                label=labels.get(name, name), min_value=value, initial=value,
                error_messages={"min_value": _("Thresholds can only be raised (it is %(limit_value)s).")},
            )  # fmt: skip
