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


class GuideImportChoiceForm(forms.Form):
    """The second step when the note matches an existing guide: link it to that guide, or import a copy."""

    LINK, SEPARATE = "link", "separate"

    path = forms.CharField(max_length=4096, widget=forms.HiddenInput)
    guide = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.ChoiceField(
        label=_("What should happen?"),
        choices=(
            (LINK, _("Link to your existing guide (keeps progress)")),
            (SEPARATE, _("Import as a separate guide")),
        ),
        initial=LINK,
        widget=forms.RadioSelect,
    )
