"""Every rule: at least one text that triggers it and one that does not."""

import pytest

from peoplecraft.writing.analyzer import analyze

LONG = " ".join(["word"] * 30) + "."
VERY_LONG = " ".join(["word"] * 45) + "."
EMAIL_OK = "Subject: Friday demo\n\nHi Sam,\n\nCould you send the slides?\n\nThanks,\nAlex"

CASES = [
    # rule, context, triggers, does not trigger
    ("long-sentence", "general", LONG, "A short sentence. Another one."),
    ("very-long-sentence", "general", VERY_LONG, LONG),
    ("passive", "general", "He got fired.", "He was tired."),
    ("passive", "general", "She was quickly promoted.", "She is interested in design."),
    ("passive", "general", "The doc has been reviewed.", "The shop is closed on Sundays."),
    ("passive", "general", "The shop is closed by the owner.", "We were excited."),
    ("adverb", "general", "She spoke loudly.", "My family came early."),
    ("intensifier", "general", "It was very good.", "It was good."),
    ("hedge", "general", "I think we should ship.", "We should ship."),
    ("weasel", "general", "Studies show it works.", "Our March study shows it works."),
    ("wordy", "general", "We met in order to plan.", "We met to plan."),
    ("wordy", "general", "They made a decision.", "They decided."),
    ("cliche", "general", "Let's think outside the box.", "Let's try a new approach."),
    ("buzzword", "general", "We leverage our data.", "We use our data."),
    ("inclusive-gender", "general", "Ask the chairman.", "Ask the chair."),
    ("inclusive-gender", "general", "Hi guys, welcome.", "The guys at the desk left."),
    ("inclusive-disability", "general", "We serve the disabled.", "Click the disabled button."),
    ("inclusive-disability", "general", "That plan is crazy.", "That plan is bold."),
    ("inclusive-age", "general", "We help the elderly.", "We help older adults."),
    ("inclusive-race", "general", "Add it to the blacklist.", "Add it to the blocklist."),
    ("inclusive-other", "general", "Just click Save.", "Click Save."),
    ("inclusive-other", "general", "It is easy to set up.", "It is not easy to set up."),
    ("inclusive-other", "general", "Merge into the master branch.", "She has a master's degree."),
    ("harsh", "general", "That idea is stupid.", "That idea has a gap."),
    ("absolute", "general", "You never reply.", "You replied late twice."),
    ("shouting", "general", "This is URGENT.", "Ask NASA and the FBI."),
    ("shouting", "general", "READ THIS NOW please.", "Use the HTTP API."),
    ("exclamations", "general", "Great work!!", "Great work!"),
    ("bare-request", "email", "Hi Bo,\n\nSend me the file.\n\nAlex", "Hi Bo,\n\nPlease send me the file.\n\nAlex"),
    ("email-subject", "email", "Hi Sam,\n\nCould you call?\n\nThanks,\nAlex", EMAIL_OK),
    ("email-subject-length", "email", "Subject: " + "very long subject " * 5 + "\n\nHi.", EMAIL_OK),
    ("email-greeting", "email", "Subject: x\n\nCould you call?\n\nThanks,\nAlex", EMAIL_OK),
    ("email-sign-off", "email", "Subject: x\n\nHi Sam,\n\nCould you call?", EMAIL_OK),
    ("email-ask", "email", "Subject: x\n\nHi Sam,\n\nThe demo went well.\n\nThanks,\nAlex", EMAIL_OK),
    ("email-length", "email", "Hi Sam, " + "we talked. " * 120, EMAIL_OK),
    ("report-headings", "report", "The quarter went well.", "# Summary\n\nThe quarter went well."),
    (
        "report-paragraph-length",
        "report",
        "# A\n\n" + "We sold more units. " * 40,
        "# A\n\n" + "We sold more units. " * 10,
    ),
    (
        "report-grade",
        "report",
        "# A\n\nNotwithstanding considerable heterogeneity, organisational interventions "
        "demonstrate statistically significant improvements.",
        "# A\n\nWe sold more. It went well.",
    ),
    ("social-length", "social", "word " * 70, "Short post. #launch"),
    ("social-hashtags", "social", "New release #a #b #c #d", "New release #a #b #c"),
]


@pytest.mark.parametrize(("rule", "context", "positive", "negative"), CASES)
def test_rule_true_and_false(rule, context, positive, negative):
    hits = [f for f in analyze(positive, context).findings if f.rule == rule]
    assert hits, f"{rule} should fire on {positive!r}"
    for finding in hits:
        assert positive[finding.start : finding.end].strip()
    misses = [f for f in analyze(negative, context).findings if f.rule == rule]
    assert not misses, f"{rule} should not fire on {negative!r}: {misses}"


def test_technical_senses_are_not_flagged():
    text = "Execute the script, kill the process, abort the job and hang up the disabled flag."
    assert not [f for f in analyze(text).findings if f.category == "inclusive"]


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("We met in order to plan.", "in order to", "to"),
        ("This is a very unique idea.", "very unique", "unique"),
        ("Ask the chairman now.", "chairman", "chair"),
        ("They made a decision fast.", "made a decision", "decide"),
        ("Please prior to noon.", "prior to", "before"),
    ],
)
def test_suggestions_and_spans(text, span, suggestion):
    found = {(text[f.start : f.end], f.suggestion) for f in analyze(text).findings}
    assert (span, suggestion) in found


def test_shouting_ignores_short_acronyms_alone():
    assert not [f for f in analyze("The API uses JSON over HTTPS.").findings if f.rule == "shouting"]


def test_passive_span_includes_auxiliaries():
    text = "The files will not be sent. The doc has been carefully reviewed."
    spans = [text[f.start : f.end] for f in analyze(text).findings if f.rule == "passive"]
    assert spans == ["will not be sent", "has been carefully reviewed"]
