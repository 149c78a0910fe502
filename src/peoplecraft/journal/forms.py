from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from peoplecraft.core.inputs import EARLIEST, LATEST
from peoplecraft.journal import prompts
from peoplecraft.journal.emotions import emotion_wheel
from peoplecraft.skillmap.models import Skill

MOODS = [
    ("", _("Not recorded")),
    ("1", _("1 · very low")),
    ("2", _("2 · low")),
    ("3", _("3 · okay")),
    ("4", _("4 · good")),
    ("5", _("5 · very good")),
]


def emotion_choices() -> list:
    groups = [
        (core.name.capitalize(), [(word, word) for word in (core.name, *core.nuances)]) for core in emotion_wheel()
    ]
    return [("", _("No feeling named")), *groups]


class EntryForm(forms.Form):
    entry_date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, like 2024-05-31.")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Optional; the template's name is used if you leave it empty."),
    )
    template = forms.ChoiceField(
        label=_("Template"), choices=[(t.name, t.title) for t in prompts.templates()], widget=forms.HiddenInput
    )
    body = forms.CharField(
        label=_("Your reflection"),
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "true"}),
        help_text=_("Markdown: # headings, *emphasis*, - lists. Up to 1 MB."),
    )
    mood = forms.TypedChoiceField(
        label=_("Mood"), choices=MOODS, coerce=int, empty_value=None, required=False, widget=forms.RadioSelect
    )
    emotion = forms.ChoiceField(label=_("The feeling, named"), choices=emotion_choices, required=False)
    stress = forms.IntegerField(
        label=_("Stress (0 none – 10 overwhelming)"),
        min_value=0,
        max_value=10,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    tags = forms.CharField(
        label=_("Tags"),
        max_length=500,
        required=False,
        help_text=_("Separate with commas or spaces, like: team, one-to-one"),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills this is about"),
        queryset=Skill.objects.none(),
        required=False,
        help_text=_("Hold Ctrl or Cmd to choose several."),
    )
    prompt_ref = forms.CharField(required=False, widget=forms.HiddenInput)
    prompt = forms.CharField(required=False, widget=forms.HiddenInput, strip=False)

    def __init__(self, *args, skills, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills

    def tag_list(self) -> list[str]:
        return [tag for tag in self.cleaned_data["tags"].replace(",", " ").split() if tag]


# The dates every other page accepts (core.inputs): a typed ?date_from=9999-12-31 is a 400 that says so.
SEARCH_DATE_RANGE = [MinValueValidator(EARLIEST), MaxValueValidator(LATEST)]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search your journal"), max_length=500, required=False)
    skill = forms.TypedChoiceField(label=_("Skill"), coerce=int, empty_value=None, required=False, choices=())
    tag = forms.ChoiceField(label=_("Tag"), required=False, choices=())
    mood = forms.TypedChoiceField(
        label=_("Mood"), choices=[("", _("Any")), *MOODS[1:]], coerce=int, empty_value=None, required=False
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, like 2024-05-31.")},
        validators=SEARCH_DATE_RANGE,
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date, like 2024-05-31.")},
        validators=SEARCH_DATE_RANGE,
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000, widget=forms.HiddenInput)

    def __init__(self, *args, skills, tags, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = [("", _("Any")), *((s.pk, s.name) for s in skills)]
        self.fields["tag"].choices = [("", _("Any")), *((t, t) for t in tags)]
