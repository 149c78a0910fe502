"""Hand-made hard cases for parse_note / render_note (no database, no files)."""

from __future__ import annotations

import pytest

from peoplecraft.skillmap.markdown import NO_AREAS, NoteError, parse_note, render_note

FRONT = "---\nid: abc\ntitle: T\nupdated: 1\ncreated: 1\n---\n"
AREA = "### 1. **Listening**\n   - **Attention**: Be there.\n   - ~~**Summaries**: Say it back.~~\n"


def skills(text: str) -> list[list[tuple[str, str, bool]]]:
    """(name, description, done) of each skill, area by area."""
    return [[(s.name, s.description, s.done) for s in a.skills] for a in parse_note(text).areas]


def names(text: str) -> list[list[str]]:
    return [[skill[0] for skill in area] for area in skills(text)]


def round_trips(text: str) -> bool:
    return render_note(parse_note(text)) == text


LISTENING = [[("Attention", "Be there.", False), ("Summaries", "Say it back.", True)]]


# --- line endings, BOM, unicode, tabs ---------------------------------------------------


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("trailing", [True, False])
def test_line_endings_round_trip_and_parse_alike(eol, trailing):
    text = (FRONT + "\nIntro.\n\n" + AREA + "\nBye.\n").replace("\n", eol)
    text = text if trailing else text.removesuffix(eol)
    note = parse_note(text)
    assert render_note(note) == text
    assert skills(text) == LISTENING
    assert note.front_matter.title == "T"
    assert note.description == "Intro.\n\nBye."
    assert note.lines[0] == "---" + eol


def test_mixed_line_endings_are_kept_per_line():
    text = "---\r\ntitle: T\nupdated: 1\r---\n### A\r\n- **x**: y\r- **z**\n"
    note = parse_note(text)
    assert render_note(note) == text
    assert note.lines == ("---\r\n", "title: T\n", "updated: 1\r", "---\n", "### A\r\n", "- **x**: y\r", "- **z**\n")
    assert names(text) == [["x", "z"]]


def test_only_lf_cr_and_crlf_end_lines():
    text = "### A\n- **x**: one\u2028two\x85three\x0cfour\v\n"
    note = parse_note(text)
    assert len(note.lines) == 2
    assert note.areas[0].skills[0].description == "one\u2028two\x85three\x0cfour"
    assert round_trips(text)


@pytest.mark.parametrize("front", [FRONT, ""])
def test_byte_order_mark_is_kept_and_ignored(front):
    text = "\ufeff" + front + "Intro.\n\n" + AREA
    note = parse_note(text)
    assert render_note(note) == text
    assert note.lines[0].startswith("\ufeff")
    assert skills(text) == LISTENING
    assert note.description == "Intro."
    assert (note.front_matter.title == "T") is bool(front)


def test_byte_order_mark_before_a_first_heading():
    text = "\ufeff### 1. **A**\n- **x**: y"
    assert parse_note(text).areas[0].title == "A"
    assert round_trips(text)


def test_non_ascii_and_tabs():
    text = "---\ntitle: Über\n---\n###\tÉcoute  \n\t- **Écouter\tvraiment**:\tÊtre là 🙂\t\n"
    note = parse_note(text)
    assert render_note(note) == text
    assert note.front_matter.title == "Über"
    assert note.areas[0].title == "Écoute"
    assert skills(text) == [[("Écouter\tvraiment", "Être là 🙂", False)]]


def test_empty_text_has_no_areas():
    with pytest.raises(NoteError) as caught:
        parse_note("")
    assert caught.value.message == NO_AREAS
    assert caught.value.line is None


def test_a_note_without_skill_areas_is_refused_with_what_was_expected():
    with pytest.raises(NoteError) as caught:
        parse_note("# Shopping\n\n- eggs\n- milk\n\n1. **First**: go\n")
    assert "no skill areas found" in str(caught.value)
    assert '"### 1. **Communication**"' in str(caught.value)
    assert '"- **Skill**: description"' in str(caught.value)


def test_skill_items_before_any_heading_are_not_an_area():
    with pytest.raises(NoteError, match="no skill areas found"):
        parse_note("- **x**: y\n")


def test_parse_needs_str():
    with pytest.raises(TypeError):
        parse_note(b"### A\n- **x**: y\n")  # type: ignore[arg-type]


# --- headings ------------------------------------------------------------------------------


@pytest.mark.parametrize("level", range(1, 7))
def test_every_heading_level_can_hold_an_area(level):
    text = "#" * level + " 3. **Feedback**\n- **Ask**: often\n"
    area = parse_note(text).areas[0]
    assert (area.number, area.title, area.line) == (3, "Feedback", 0)


@pytest.mark.parametrize(
    ("heading", "number", "title"),
    [
        ("### 1. ~~**Communication Skills**", 1, "Communication Skills"),
        ("### 2. **Empathy**", 2, "Empathy"),
        ("## 4) __Teamwork__ ##", 4, "Teamwork"),
        ("# ~~*Conflict* resolution~~", None, "Conflict resolution"),
        ("###   12.   **Time**   ###   ", 12, "Time"),
        ("### 360 Feedback", None, "360 Feedback"),
        ("### 3.5 Tips", None, "3.5 Tips"),
        ("### C# ##", None, "C#"),
        ("   ### 7. Indented a little", 7, "Indented a little"),
    ],
)
def test_area_titles(heading, number, title):
    area = parse_note(f"{heading}\n- **x**: y\n").areas[0]
    assert (area.number, area.title) == (number, title)


@pytest.mark.parametrize("not_heading", ["####### Seven", "#NoSpace", "    ### Code"])
def test_lines_that_are_not_headings_do_not_start_a_section(not_heading):
    text = f"### A\n- **a**: 1\n{not_heading}\n- **b**: 2\n"
    assert names(text) == [["a", "b"]]


def test_a_heading_without_skills_is_not_an_area():
    text = "# Guide\n\n## Areas\n\n### 1. **A**\n- **a**: 1\n\n### Notes\n\n- plain\n"
    assert [a.title for a in parse_note(text).areas] == ["A"]


# --- skills ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "skill"),
    [
        ("- **Name**: desc", ("Name", "desc", False)),
        ("- **Name** - desc", ("Name", "desc", False)),
        ("- **Name** \u2013 desc", ("Name", "desc", False)),
        ("- **Name**", ("Name", "", False)),
        ("- **Name**:", ("Name", "", False)),
        ("- __Name__: desc", ("Name", "desc", False)),
        ("- **Name:** desc", ("Name", "desc", False)),
        ("- **  Name  **  :  desc  ", ("Name", "desc", False)),
        ("- **Re: Name**: a: b", ("Re: Name", "a: b", False)),
        ("* **Name**: desc", ("Name", "desc", False)),
        ("+ **Name**: desc", ("Name", "desc", False)),
        ("\t- **Name**: desc", ("Name", "desc", False)),
        ("- ~~**Name**: desc~~", ("Name", "desc", True)),
        ("- ~~**Name**~~: desc", ("Name", "desc", True)),
        ("- ~~**Name**~~", ("Name", "", True)),
        ("- ~~**Name**: desc", ("Name", "desc", True)),
        ("- ~~**Name**: desc ~~  ", ("Name", "desc", True)),
        ("- ~~__Name__ - desc~~", ("Name", "desc", True)),
        ("- **Name**: ends with ~~", ("Name", "ends with ~~", False)),
        ("- ~~**Name**: ends with ~~~~", ("Name", "ends with ~~", True)),
        ("- **Name**: `code ~~ **x**`", ("Name", "`code ~~ **x**`", False)),
    ],
)
def test_skill_forms(item, skill):
    text = f"### A\n{item}\n"
    assert skills(text) == [[skill]]
    assert round_trips(text)


@pytest.mark.parametrize(
    "item",
    [
        "- plain note",
        "- **Bold** then words",
        "- ***Triple***: x",
        "- **   **: x",
        "- ** unclosed: x",
        "-**NoSpace**: x",
        "- ",
        "- *Italic*: x",
        "- ~~struck words~~",
        "* * *",
    ],
)
def test_bullets_without_a_bold_name_are_left_alone(item):
    text = f"### A\n- **real**: yes\n{item}\n"
    assert names(text) == [["real"]]
    assert round_trips(text)


def test_nested_sub_bullets_are_not_skills():
    text = (
        "### A\n"
        "   - **Top**: one\n"
        "      - **Sub**: nested\n"
        "        * **Deeper**: nested\n"
        "     - **Also sub**: at the content column\n"
        "    - **Sibling**: indented less than the content column\n"
        "- **Left**: sibling at column 0\n"
        "\t  - **Tabbed sub**: nested\n"
    )
    assert names(text) == [["Top", "Sibling", "Left"]]


def test_continuation_lines_and_loose_lists():
    text = (
        "### A\n\n"
        "- **One**: first line\n"
        "  continues here\n\n"
        "- **Two**: after a blank line\n\n"
        "Some paragraph in the area.\n\n"
        "      - **Three**: a new list after the paragraph\n"
    )
    assert skills(text) == [
        [
            ("One", "first line", False),
            ("Two", "after a blank line", False),
            ("Three", "a new list after the paragraph", False),
        ]
    ]


def test_skills_keep_their_line_index():
    note = parse_note(FRONT + "\n" + AREA)
    assert [s.line for s in note.areas[0].skills] == [8, 9]
    assert note.areas[0].line == 7


def test_duplicate_names_are_parsed():
    assert names("### A\n- **x**: 1\n- **x**: 2\n") == [["x", "x"]]


def test_many_areas_each_with_own_skills():
    text = "".join(f"## {n}. **Area {n}**\n- **s{n}**: d\n\n" for n in range(1, 30))
    note = parse_note(text)
    assert [a.number for a in note.areas] == list(range(1, 30))
    assert names(text)[-1] == ["s29"]


# --- opaque blocks ---------------------------------------------------------------------------

FAKE = "### 9. **Fake area**\n- **Fake**: not a skill\n- ~~unclosed\n"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("```", "```"),
        ("```python title='x'", "```"),
        ("~~~", "~~~"),
        ("~~~~ text", "~~~~~"),
        ("   ```", "```"),
        ("      ```md", "      ```"),
        ("````", "````"),
    ],
)
def test_fenced_code_is_opaque(opening, closing):
    text = f"### A\n- **real**: yes\n{opening}\n{FAKE}{closing}\n- **after**: yes\n"
    assert names(text) == [["real", "after"]]
    assert round_trips(text)


def test_a_shorter_fence_does_not_close_a_longer_one():
    text = f"### A\n- **real**: yes\n````\n```\n{FAKE}```\n````\n- **after**: yes\n"
    assert names(text) == [["real", "after"]]


def test_a_tilde_fence_is_not_closed_by_backticks():
    text = f"### A\n- **real**: yes\n~~~\n```\n{FAKE}~~~\n- **after**: yes\n"
    assert names(text) == [["real", "after"]]


def test_an_unclosed_fence_runs_to_the_end():
    text = f"### A\n- **real**: yes\n```\n{FAKE}### B\n- **b**: hidden\n"
    assert names(text) == [["real"]]


def test_inline_backticks_are_not_a_fence():
    text = "### A\n```a``` inline\n- **real**: yes\n"
    assert names(text) == [["real"]]


def test_a_fence_inside_a_list_item():
    text = "### A\n   - **real**: yes\n\n     ```\n     - **fake**: no\n     ```\n   - **next**: yes\n"
    assert names(text) == [["real", "next"]]


@pytest.mark.parametrize(
    "block",
    [
        "<!--\n" + FAKE + "-->\n",
        "<!-- one line --> " + "\n",
        "<details>\n<summary>More</summary>\n" + FAKE + "\n",
        "<div class='x'>\n" + FAKE + "\n",
        "<pre>\n" + FAKE + "\n\n" + FAKE + "</pre>\n",
        "<script>\n" + FAKE + "</script>\n",
        "<?php\n" + FAKE + "?>\n",
        "<!DOCTYPE\n" + FAKE + ">\n",
        "<![CDATA[\n" + FAKE + "]]>\n",
        '\n<custom-tag attr="1">\n' + FAKE + "\n",
    ],
)
def test_html_blocks_are_opaque(block):
    text = f"### A\n- **real**: yes\n{block}- **after**: yes\n"
    assert names(text) == [["real", "after"]]
    assert round_trips(text)


def test_an_inline_tag_does_not_start_an_html_block_mid_paragraph():
    text = "### A\nSome text\n<span>\n- **real**: yes\n"
    assert names(text) == [["real"]]


# --- method ------------------------------------------------------------------------------

METHOD = "### How to Get Started\n\n1. **Assess**: Look.\n2) **Learn** - Read.\n3. **Do**\n"


def test_the_ordered_bold_list_is_the_method_not_an_area():
    note = parse_note(AREA + "\n" + METHOD)
    assert [a.title for a in note.areas] == ["Listening"]
    assert [(s.number, s.name, s.description) for s in note.method_steps] == [
        (1, "Assess", "Look."),
        (2, "Learn", "Read."),
        (3, "Do", ""),
    ]


def test_method_may_come_first():
    note = parse_note("Intro.\n\n" + METHOD + "\n" + AREA + "\nBye.")
    assert len(note.method_steps) == 3
    assert note.description == "Intro.\n\nBye."


def test_nested_ordered_items_are_not_steps():
    note = parse_note(AREA + METHOD + "   1. **Nested**: no\n")
    assert [s.name for s in note.method_steps] == ["Assess", "Learn", "Do"]


def test_ordered_items_in_an_area_are_neither_skills_nor_steps():
    note = parse_note("### A\n- **x**: y\n1. **Step**: no\n")
    assert names(note.text) == [["x"]]
    assert note.method_steps == ()


def test_an_ordered_list_without_bold_names_is_not_a_method():
    note = parse_note(AREA + "### Steps\n1. Look\n2. Learn\n")
    assert note.method_steps == ()


def test_only_the_first_method_section_counts():
    note = parse_note(AREA + METHOD + "### Later\n1. **Other**: x\n")
    assert [s.name for s in note.method_steps] == ["Assess", "Learn", "Do"]


# --- description ---------------------------------------------------------------------------


def test_description_without_closing():
    assert parse_note(FRONT + "\n\nIntro  \nline two\n\n\n" + AREA).description == "Intro  \nline two"


def test_description_without_intro():
    assert parse_note(FRONT + AREA + "\n" + METHOD + "\n\n\nBye.\n\n").description == "Bye."


def test_description_after_the_last_area_when_there_is_no_method():
    text = AREA + "      - sub bullet\n  lazy line\n\n     indented continuation\n\nBye.\n\n## Links\n- a\n"
    assert parse_note(text).description == "Bye.\n\n## Links\n- a"


def test_description_uses_lf_whatever_the_note_uses():
    text = ("Intro one.\nIntro two.\n\n" + AREA + "\nBye.\n").replace("\n", "\r\n")
    assert parse_note(text).description == "Intro one.\nIntro two.\n\nBye."


def test_description_keeps_headings_and_markdown_of_the_intro():
    text = "# Guide\n\nSome **bold** text.\n\n## Areas\n\n" + AREA
    assert parse_note(text).description == "# Guide\n\nSome **bold** text.\n\n## Areas"


def test_description_includes_an_unindented_fence_after_the_list():
    text = AREA + "\n```\ncode\n```\nBye."
    assert parse_note(text).description == "```\ncode\n```\nBye."


def test_empty_description():
    assert parse_note(FRONT + AREA).description == ""
