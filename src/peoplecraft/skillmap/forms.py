from django import forms
from django.utils.translation import gettext_lazy as _

from peoplecraft.skillmap.models import SkillStatus


class SkillStatusForm(forms.Form):
    status = forms.ChoiceField(choices=SkillStatus.choices, label=_("Status"))
    # The status the page showed; a mismatch means the note changed it meanwhile.
    expected = forms.ChoiceField(choices=SkillStatus.choices, required=False, widget=forms.HiddenInput)


class GuideImportForm(forms.Form):
    path = forms.CharField(
        label=_("Path of a Dendron note on this computer"),
        max_length=4096,
        help_text=_("For example ~/notes/guide.md. The note stays in sync with the skill map."),
    )
