"""``markdown_mask``: what Markdown-aware masking skips, what it keeps, and that offsets never move."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peoplecraft.writing.analyzer import analyze
from peoplecraft.writing.analyzer.markdown_mask import is_markdown_name, mask_markdown

NEWLINES = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
PIECES = [
    "---\n", "```", "~~~~", "\n", "\r\n", "\n\n", "    ", "\t", "- ", "1. ", "# ", "> ", "`", "``",
    "[", "]", "(", ")", "![", "[[", "]]", "|", "<", ">", "<!--", "-->", "<div>", "</span>", "<?", "?>",
    "\\", '"', "'", "https://x.org/a_(b)", "www.", "a@b.co", "&amp;", "^id", "[^1]", "]: ", "*", "_",
    "| a | b |\n|---|:-:|\n", "|", "utilize", "was written", " ", ".", "é", "\U0001f600", "\u2028",
]  # fmt: skip


def kept(text: str) -> str:
    """The words masking leaves, in order (for readable assertions)."""
    return " ".join(mask_markdown(text).split())


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.text(max_size=200)))
def test_same_length_newlines_kept_and_only_spaces_replace(text):
    masked = mask_markdown(text)
    assert len(masked) == len(text)
    for original, after in zip(text, masked, strict=True):
        if original in NEWLINES:
            assert after == original
        else:  # a table's cell separator becomes a line break; anything else skipped, a space
            assert after in (original, " ") or (original, after) == ("|", "\n")


def test_front_matter_is_skipped_but_a_later_rule_is_not_front_matter():
    note = "---\nid: abc\ndesc: 'It was written to utilize'\n---\n\nWe write.\n\n---\n\nMore text.\n"
    assert kept(note) == "We write. --- More text."
    assert kept("Text first\n---\nid: x\n---\n") == "Text first --- id: x ---"
    assert kept("---\nno closing line\n") == "--- no closing line"


@pytest.mark.parametrize(
    "note",
    [
        "Before.\n\n```python\nx = 1  # was written\n```\n\nAfter.",
        "Before.\n\n~~~\nwas written\n~~~\n\nAfter.",
        "Before.\n\n````\n```\nwas written\n```\n````\n\nAfter.",  # a shorter fence does not close
        "Before.\n\n  ~~~~ text\nwas written\n  ~~~~~~\n\nAfter.",
        "Before.\n\n    was written\n\n    more code\n\nAfter.",
        "Before.\n\n\tx = was_written()\n\nAfter.",
        "Before.\n\n<!--\nwas written\n-->\n\nAfter.",
        "Before.\n\n<script>\nwas_written();\n</script>\n\nAfter.",
        "Before.\n\n[id]: https://example.com/utilize 'was written'\n\nAfter.",
    ],
)
def test_blocks_are_skipped_whole(note):
    assert kept(note) == "Before. After."


def test_an_unclosed_fence_runs_to_the_end():
    assert kept("Before.\n\n```\nwas written\n\nstill code.\n") == "Before."


def test_backticks_in_the_info_string_are_not_a_fence():
    assert kept("```not `a` fence\nText.") == "```not fence Text."


def test_indented_lines_are_prose_when_they_continue_a_paragraph_or_a_list_item():
    assert kept("A paragraph\n    continued here.") == "A paragraph continued here."
    assert kept("- item\n\n    **Second** paragraph of the item.") == "- item **Second** paragraph of the item."
    assert kept("   - item\n\n         code in the item\n\nText.") == "- item Text."
    assert kept("# Heading\n    code after a heading\n") == "# Heading"


def test_the_analyser_does_not_guess_code_again_in_markdown():
    note = "- item\n\n    **Second** paragraph of the item, which was written."
    assert analyze(note, markdown=True).stats["words"] == 9
    assert analyze(note).stats["words"] == 1  # plain text: the indented block looks like code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Use `was written` and ``a ` tick`` here.", "Use and here."),
        ("An unmatched ` backtick and ``` three.", "An unmatched ` backtick and ``` three."),
        ("Escaped \\`not code` here.", "Escaped \\`not code` here."),
        ('See [the guide](https://x.org/utilize "Utilize it") now.', "See the guide now."),
        ("See [the guide](<a b.html> (title)) and [ref][id] and [x][].", "See the guide and ref and x ."),
        ("A [wiki](https://en.wikipedia.org/wiki/A_(b)) link.", "A wiki link."),
        ("An ![image of utilize](img.png) here.", "An here."),
        ("[![badge](b.svg)](https://ci.example)", ""),
        ("Go to <https://x.org/utilize> or <me@x.org>.", "Go to or ."),
        ("Bare https://x.org/utilize_(y)). and www.utilize.com, ok", "Bare ). and , ok"),
        ("Mail a.b@example.com today.", "Mail today."),
        ('Raw <span class="x">html</span> <br/> text.', "Raw html text."),
        ("A <!-- hidden\nwas written --> comment.", "A comment."),
        ("Dendron [[skills.listening]] and [[Listening|skills.listening]], ![[embed]].", "Dendron and Listening , ."),
        ("A footnote[^1] and &nbsp; entity. ^block-id", "A footnote and entity."),
        ("Not a link [text] (x) and a < b > c.", "Not a link [text] (x) and a < b > c."),
    ],
)
def test_inline_non_prose_is_skipped_and_link_text_kept(text, expected):
    assert kept(text) == expected


def test_headings_lists_emphasis_and_quotes_are_left_to_the_analyser():
    text = "# Title\n\n- *item* one\n+ __item__ two\n1. ~~three~~\n\n> quoted\n\n***\n"
    assert mask_markdown(text) == text


def test_each_table_row_is_a_paragraph_and_the_dashes_are_skipped():
    note = "Skills below.\n\n| Skill | Level |\n|---|:---:|\n| Listening | `x` good |\n| Feedback \\| notes | poor |\n"
    masked = mask_markdown(note)
    assert "---" not in masked and "`x`" not in masked and "\\|" in masked
    result = analyze(note, markdown=True)
    assert result.stats["sentences"] == 4 and result.findings == ()
    assert analyze(note, markdown=False).stats["sentences"] == 2  # plain: the rows run on


def test_a_masked_code_block_is_a_paragraph_break():
    note = "First paragraph without a full stop\n```\ncode\n```\nSecond paragraph without one either"
    result = analyze(note, markdown=True)
    assert result.stats["sentences"] == 2 and result.stats["paragraphs"] == 2
    joined = note.replace("```\n", "")  # the same lines without the block: one run-on sentence
    assert analyze(joined, markdown=True).stats["sentences"] == 1


def test_headings_lists_and_emphasis_produce_no_findings_and_split_sentences():
    note = "# Plan for *next* week\n\n- **Ship** the _release_\n- Call `the vendor`\n\n**Done.** Next _step_ now.\n"
    result = analyze(note, markdown=True)
    assert result.findings == ()
    assert result.stats["sentences"] == 5  # heading, two items, "Done", "Next step now"


def test_markdown_option_of_analyze_skips_code_but_plain_does_not():
    note = "The plan is simple.\n\n```\nutilize(was_written)\n```\n\nWe utilize it.\n"
    markdown = [note[f.start : f.end] for f in analyze(note, markdown=True).findings]
    assert markdown == ["utilize"]
    assert analyze(note, markdown=True).findings[0].start == note.rindex("utilize")
    assert len(analyze("```\nutilize\n", markdown=False).findings) == 1  # plain: an unclosed fence is text


@pytest.mark.parametrize("name", ["note.md", "Note.MD", "a/b.markdown"])
def test_markdown_names(name):
    assert is_markdown_name(name)


@pytest.mark.parametrize("name", ["-", "note.txt", "md", "notes.mdx"])
def test_plain_names(name):
    assert not is_markdown_name(name)


@pytest.mark.parametrize(
    "text",
    ["`" * 200_000, "``a" * 60_000, "<!--" * 50_000, '<a b="' * 30_000, "[a](" * 40_000, "[" * 200_000,
     "](" * 100_000, "    x\n" * 30_000, "```\n" * 50_000, "- " * 100_000, "<http://" * 30_000, '[a](b "' * 30_000],
)  # fmt: skip
def test_repetitive_inputs_complete(text):
    assert len(mask_markdown(text)) == len(text)
