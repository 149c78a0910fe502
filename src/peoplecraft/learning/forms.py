from django import forms
from django.utils.translation import gettext_lazy as _

from peoplecraft.learning.links import MAX_URL_LENGTH, LinkError, clean_url
from peoplecraft.learning.models import ReadingStatus, ResourceType
from peoplecraft.learning.services import MAX_NOTES


class SkillChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class OwnResourceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, help_text=_("Type it yourself; nothing is fetched."))
    url = forms.CharField(label=_("Link (optional)"), max_length=MAX_URL_LENGTH, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=ResourceType.choices, initial=ResourceType.BOOK)
    skills = SkillChoiceField(
        label=_("Skills it helps"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    notes = forms.CharField(
        label=_("Notes"), max_length=MAX_NOTES, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, skills, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["skills"].queryset = skills

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        if not url.strip():
            return ""
        try:
            return clean_url(url)
        except LinkError as error:
            raise forms.ValidationError(str(error)) from None


class ReadingUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ReadingStatus.choices, required=False)
    notes = forms.CharField(
        label=_("Notes"), max_length=MAX_NOTES, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class CatalogueAddForm(forms.Form):
    resource = forms.CharField(max_length=100)
