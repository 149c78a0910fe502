from django import forms
from django.utils.translation import gettext_lazy as _

from peoplecraft.writing.models import WritingContext

MAX_CHARS = 200_000


class DraftForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    context = forms.ChoiceField(label=_("Where is it going?"), choices=WritingContext.choices)
    text = forms.CharField(
        label=_("Your text"),
        max_length=MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "true"}),
        error_messages={"required": _("Write or paste some text to check.")},
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError(_("Write or paste some text to check."))
        if "\x00" in text:
            raise forms.ValidationError(_("The text contains NUL characters; paste plain text."))
        return text
