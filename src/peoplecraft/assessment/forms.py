from django import forms
from django.utils.translation import gettext_lazy as _

from peoplecraft.assessment.models import Scope
from peoplecraft.assessment.questionnaire import scale_points
from peoplecraft.skillmap.models import Area, Guide, Skill


class StartForm(forms.Form):
    scope = forms.ChoiceField(choices=Scope.choices, initial=Scope.GUIDE, widget=forms.RadioSelect, label=_("Assess"))
    area = forms.ModelChoiceField(queryset=Area.objects.none(), required=False, label=_("Area"))
    skills = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label=_("Skills")
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Skill.objects.none(),
        required=False,
        widget=forms.SelectMultiple,
        label=_("Skills that matter most to you right now (optional)"),
        help_text=_("They come first in the focus recommendations. Hold Ctrl or Cmd to choose several."),
    )

    def __init__(self, *args, guide: Guide, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        skills = Skill.objects.filter(area__guide=guide, archived_at=None, area__archived_at=None).select_related(
            "area"
        )
        self.fields["area"].queryset = Area.objects.filter(guide=guide, archived_at=None)
        self.fields["skills"].queryset = skills
        self.fields["priorities"].queryset = skills

    def clean(self):
        data = super().clean()
        if data.get("scope") == Scope.AREA and not data.get("area"):
            self.add_error("area", _("Choose an area."))
        if data.get("scope") == Scope.SKILLS and not data.get("skills"):
            self.add_error("skills", _("Choose one or more skills."))
        return data


class AnswersForm(forms.Form):
    """One page of answers: a field ``item-<id>`` per item; unanswered items are left out."""

    def __init__(self, *args, items, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            choices = [(str(value), label) for value, label in scale_points(item)]
            self.fields[f"item-{item.id}"] = forms.TypedChoiceField(
                choices=choices, coerce=int, empty_value=None, required=False, label=item.self_text
            )

    def answers(self) -> dict[str, int | None]:
        """Chosen answers; an explicit "skip" (empty value) is kept as ``None``, untouched items left out."""
        return {name[5:]: value for name, value in self.cleaned_data.items() if name in self.data}


def question_rows(items, answers: dict) -> list[dict]:
    """What the take page shows per item: its text and the scale points, the saved one checked."""
    rows = []
    for item in items:
        saved = answers.get(item.id)
        points = [{"value": value, "label": label, "checked": saved == value} for value, label in scale_points(item)]
        skipped = item.id in answers and saved is None
        rows.append({"item": item, "points": points, "skipped": skipped})
    return rows
