from __future__ import annotations

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from peoplecraft.core.inputs import EARLIEST, LATEST, show_number
from peoplecraft.goals.inputs import parse_milestone
from peoplecraft.goals.models import GoalStatus

DATE_ERRORS = {"invalid": _("Enter a real date, like 2025-06-30.")}
DATE_VALIDATORS = [MinValueValidator(EARLIEST), MaxValueValidator(LATEST)]  # week arithmetic stays in range
QUADRANT_CHOICES = [
    ("do", _("Do first (urgent, important)")),
    ("schedule", _("Schedule (important, not urgent)")),
    ("delegate", _("Delegate (urgent, not important)")),
    ("eliminate", _("Eliminate (neither)")),
]


class GoalForm(forms.Form):
    title = forms.CharField(label=_("Goal"), max_length=200, required=False)
    skill = forms.ModelChoiceField(label=_("Skill it builds (specific)"), queryset=None, required=False)
    measure = forms.CharField(
        label=_("What you will count (measurable)"),
        max_length=300,
        required=False,
        help_text=_("e.g. one-to-ones where I asked a question before giving advice"),
    )
    # Its range is checked by services.smart_errors (one rule for the web and the command line).
    target = forms.FloatField(label=_("Target number"), required=False)
    due_date = forms.DateField(
        label=_("Due date (time-bound)"),
        required=False,
        error_messages=DATE_ERRORS,
        validators=DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    urgent = forms.BooleanField(label=_("Urgent"), required=False)
    important = forms.BooleanField(label=_("Important"), required=False, initial=True)
    reminder_days = forms.IntegerField(
        label=_("Check-in reminder every … days"),
        min_value=0,
        max_value=365,
        initial=7,
        help_text=_("0 for no reminders in the calendar export."),
    )
    milestones = forms.CharField(
        label=_("Milestones"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line; start a line with a date (2025-06-30) to give it one."),
    )

    def __init__(self, *args, skills, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills

    def clean_milestones(self) -> list[tuple[str, date | None]]:
        rows = []
        for number, line in enumerate(self.cleaned_data["milestones"].splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(parse_milestone(line))
            except ValueError as error:
                raise forms.ValidationError(_("Line %(n)s: %(problem)s.") % {"n": number, "problem": error}) from None
        return rows


class CheckInForm(forms.Form):
    """A check-in in the goal's unit: "3" of a target of 8 one-to-ones (decimals allowed: 2.5 hours)."""

    # Its range is checked by services.goal_checkin (one rule for the web and the command line).
    amount = forms.FloatField(
        label=_("Done so far"), widget=forms.NumberInput(attrs={"step": "any", "min": "0", "inputmode": "decimal"})
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, goal, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["amount"]
        field.label = _("Done so far (of %(target)s %(measure)s)") % {
            "target": show_number(goal.target),
            "measure": goal.measure,
        }
        field.error_messages["invalid"] = _("Enter a number, like 3 or 2.5.")
        field.error_messages["required"] = _("Say how many %(measure)s so far, e.g. 3.") % {"measure": goal.measure}


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=GoalStatus.choices)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Next action"), max_length=200)
    quadrant = forms.ChoiceField(label=_("Priority"), choices=QUADRANT_CHOICES, required=False)


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_date = forms.DateField(
        label=_("Due"),
        required=False,
        error_messages=DATE_ERRORS,
        validators=DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class MoveForm(forms.Form):
    kind = forms.ChoiceField(choices=[("goal", "goal"), ("action", "action")])
    item = forms.IntegerField(min_value=1)
    quadrant = forms.ChoiceField(choices=QUADRANT_CHOICES)


class ReviewForm(forms.Form):
    week = forms.DateField(
        label=_("Week containing"),
        required=False,
        error_messages=DATE_ERRORS,
        validators=DATE_VALIDATORS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class GoalEditForm(GoalForm):
    """The SMART fields of an existing goal (milestones and quadrant have their own controls)."""

    def __init__(self, *args, skills, **kwargs) -> None:
        super().__init__(*args, skills=skills, **kwargs)
        for name in ("milestones", "urgent", "important"):
            del self.fields[name]

    @classmethod
    def for_goal(cls, goal, *, skills) -> GoalEditForm:
        initial = {name: getattr(goal, name) for name in ("title", "measure", "target", "due_date", "reminder_days")}
        return cls(initial={**initial, "skill": goal.skill_id}, skills=skills, prefix="edit")
