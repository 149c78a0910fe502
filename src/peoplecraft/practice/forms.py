from django import forms
from django.utils.translation import gettext_lazy as _

from peoplecraft.practice.scheduling import GRADES


class SkillChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class SkillsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


RATINGS = [("", _("No rating"))] + [(str(n), str(n)) for n in range(1, 6)]


class LogForm(forms.Form):
    skill = SkillChoiceField(label=_("Skill"), queryset=None, error_messages={"required": _("Choose the skill.")})
    occurred_on = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, like 2026-03-14.")},
    )
    exercise_id = forms.CharField(required=False, widget=forms.HiddenInput)
    situation = forms.CharField(label=_("Situation or exercise"), max_length=500)
    what_happened = forms.CharField(label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    went_well = forms.CharField(label=_("What went well"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    to_improve = forms.CharField(label=_("What to improve"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    self_rating = forms.TypedChoiceField(
        label=_("How did it go? (1 poorly – 5 very well)"),
        choices=RATINGS,
        coerce=int,
        empty_value=None,
        required=False,
    )
    duration_minutes = forms.IntegerField(label=_("Minutes (optional)"), min_value=1, max_value=1440, required=False)

    def __init__(self, *args, skills, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills


class FocusForm(forms.Form):
    skills = SkillsChoiceField(
        label=_("Focus skills"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, skills, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills


class GradeForm(forms.Form):
    grade = forms.ChoiceField(choices=[(g, g) for g in GRADES])
