"""The parser on real legislation: every corpus text parses, with the provision count its meta.md
gives and the structure the rules rely on.

The corpus lives in ../shared/corpus/dev/ beside the repository; without it these tests skip.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from corpus_paths import CORPUS, corpus_texts

from safeguard_lint.ast import DIVISION_KINDS, Document, Paragraph, Provision, Text, Unit, Unparsed
from safeguard_lint.parsing import parse

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus ../shared/corpus absent")


def _numbers(spec: str) -> list[str]:
    """Expand "1-3 3A 4" into ["1", "2", "3", "3A", "4"]."""
    out: list[str] = []
    for part in spec.split():
        first, dash, last = part.partition("-")
        if dash:
            out.extend(str(n) for n in range(int(first), int(last) + 1))
        else:
            out.append(part)
    return out


#: The numbers of the top-level provisions of each text, in order, and their kind.
EXPECTED: dict[str, tuple[str, list[str]]] = {
    "coe-budapest-convention-ets-185": ("article", _numbers("1-48")),
    "eu-gdpr-2016-679": ("article", _numbers("1-99")),
    "eu-directive-2016-680-led": ("article", _numbers("1-65")),
    # Article 1 is numbered in words ("Article One").
    "rw-law-60-2018-cybercrimes": ("article", _numbers("One 2-56")),
    # 70 sections: 1-68, the inserted 46A, and 70. The source lacks section 69 (its text ends
    # with "SCHEDULE [s. 69]"), so the numbering has a gap there, not a miscount.
    "ke-computer-misuse-cybercrimes-act-2018": ("section", _numbers("1-46 46A 47-68 70")),
    "ke-data-protection-act-2019": ("section", _numbers("1-74")),
    # 47 sections: 1-35 and the sections inserted by later amendments (6A, 7A, …).
    "in-indian-telegraph-act-1885": (
        "section",
        _numbers("1-6 6A 7 7A 7B 8 9 9A 9B 9C 9D 10-19 19A 19B 20 20A 21-25 25A 26-29 29A 30-35"),
    ),
    "pk-investigation-for-fair-trial-act-2013": ("section", _numbers("1-39")),
    "lk-online-safety-act-2024": ("section", _numbers("1-53")),
    "lk-online-safety-bill-2023": ("section", _numbers("1-57")),
    # 13 sections: § 2514 was repealed and is not in the source, so 2510-2523 skips it.
    "us-18usc-ch119-wiretap-act": ("section", _numbers("2510-2513 2515-2523")),
    "us-18usc-ch121-stored-communications-act": ("section", _numbers("2701-2713")),
    "us-18usc-ch206-pen-registers": ("section", _numbers("3121-3127")),
    "us-cloud-act-18usc-2523-2713": ("section", ["2523", "2713"]),
    # Excerpts of the draft: only these six articles are in the text.
    "un-cybercrime-draft-2024-excerpts": ("article", ["2", "5", "24", "35", "59", "60 bis"]),
}

#: What an Unparsed region may hold: page numbers, elisions and decoration lines, not prose.
_NOISE = re.compile(r"[\W_]*\d{0,4}[\W_]*|[Pp]age \d+(?: of \d+)?")


@cache
def _parsed(slug: str) -> tuple[Document, str]:
    source = (CORPUS / slug / "source.txt").read_text("utf-8")
    return parse(source), source


def _top_provisions(document: Document) -> list[Unit]:
    return [
        unit
        for unit, ancestors in document.units_with_path()
        if isinstance(unit, Provision) and not any(isinstance(a, Provision) for a in ancestors)
    ]


def _unit(slug: str, eid: str) -> Unit:
    document, _ = _parsed(slug)
    units = document.by_eid()
    assert eid in units, f"{slug}: no unit {eid}"
    return units[eid]


def test_every_corpus_text_has_expected_counts() -> None:
    slugs = {p.parent.name for p in corpus_texts()}
    assert slugs == set(EXPECTED), "a corpus text was added or removed: update EXPECTED"


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_top_level_provisions_match_meta(slug: str) -> None:
    kind, numbers = EXPECTED[slug]
    document, _ = _parsed(slug)
    provisions = _top_provisions(document)
    assert [p.num for p in provisions] == numbers
    assert {p.kind for p in provisions} == {kind}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_only_noise_is_left_unparsed(slug: str) -> None:
    document, source = _parsed(slug)
    unparsed = [n.text(source) for n in document.walk() if isinstance(n, Unparsed)]
    assert [u for u in unparsed if not _NOISE.fullmatch(u.strip())] == []
    assert [d.message for d in document.diagnostics if d.severity != "info"] == []


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_eids_are_unique_and_schedules_hold_no_sections(slug: str) -> None:
    document, _ = _parsed(slug)
    units = [u for u, _ in document.units_with_path()]
    eids = [u.eid for u in units if u.eid]
    assert len(eids) == len(set(eids))
    for unit, ancestors in document.units_with_path():
        if isinstance(unit, Provision):
            assert not any(a.kind in ("schedule", "annex") for a in ancestors), unit.eid


def test_un_article_24_paragraph_2() -> None:
    paragraph = _unit("un-cybercrime-draft-2024-excerpts", "art_24__para_2")
    _, source = _parsed("un-cybercrime-draft-2024-excerpts")
    assert isinstance(paragraph, Paragraph)
    assert (paragraph.kind, paragraph.num, paragraph.label) == ("paragraph", "2", "Article 24(2)")
    assert paragraph.text(source).startswith("2.")
    article = _unit("un-cybercrime-draft-2024-excerpts", "art_24")
    assert article.heading == "Conditions and safeguards"


def test_budapest_article_15_has_three_paragraphs() -> None:
    article = _unit("coe-budapest-convention-ets-185", "art_15")
    assert [(u.kind, u.num) for u in article.units()] == [
        ("paragraph", "1"),
        ("paragraph", "2"),
        ("paragraph", "3"),
    ]


def test_budapest_article_1_items_with_nested_roman_items() -> None:
    article = _unit("coe-budapest-convention-ets-185", "art_1")
    items = {u.num: u for u in article.units()}
    assert list(items) == ["a", "b", "c", "d"]
    assert [u.num for u in items["c"].units()] == ["i", "ii"]
    assert [u.label for u in items["c"].units()] == ["Article 1(c)(i)", "Article 1(c)(ii)"]
    assert all(not list(items[n].units()) for n in "abd")


def test_gdpr_article_4_has_26_numbered_definitions() -> None:
    article = _unit("eu-gdpr-2016-679", "art_4")
    _, source = _parsed("eu-gdpr-2016-679")
    definitions = list(article.units())
    assert [u.num for u in definitions] == _numbers("1-26")
    assert all(" means " in u.text(source) for u in definitions)


def test_kenya_section_2_definitions_are_text_blocks_of_the_section() -> None:
    section = _unit("ke-computer-misuse-cybercrimes-act-2018", "sec_2")
    _, source = _parsed("ke-computer-misuse-cybercrimes-act-2018")
    quoted = [c for c in section.children if isinstance(c, Text) and c.text(source).startswith('"')]
    assert len(quoted) >= 30
    assert quoted[0].text(source).startswith('"access" means')
    # The lists inside one definition stay inside the section, not in a stray subsection.
    assert all(u.kind == "paragraph" for u in section.units())


def test_wiretap_2518_subsections_with_nested_items() -> None:
    section = _unit("us-18usc-ch119-wiretap-act", "sec_2518")
    subsections = {u.num: u for u in section.units()}
    # (1)…(12) without (11): the source lacks subsection (11) (its items (a)-(b) follow (10)(c)).
    assert list(subsections) == _numbers("1-10 12")
    assert all(u.kind == "subsection" for u in subsections.values())
    assert [u.num for u in subsections["1"].units()] == ["a", "b", "c", "d", "e", "f"]
    assert all(u.kind == "paragraph" for u in subsections["1"].units())
    served = _unit("us-18usc-ch119-wiretap-act", "sec_2518__subsec_8__para_d")
    assert [u.num for u in served.units()] == ["1", "2", "3"]


def test_pakistan_schedule_entries_are_items_of_the_schedule() -> None:
    document, _ = _parsed("pk-investigation-for-fair-trial-act-2013")
    schedules = [u for u in document.units() if u.kind == "schedule"]
    assert [s.num for s in schedules] == ["I", "II", "III", "IV"]
    first = list(schedules[0].units())
    assert [u.num for u in first] == _numbers("1-5")
    assert {u.kind for u in first} == {"item"}
    assert first[0].eid == "sched_I__item_1"
    assert first[0].label == "Schedule I, item 1"


def test_divisions_group_their_provisions() -> None:
    document, _ = _parsed("coe-budapest-convention-ets-185")
    chapters = [u for u in document.units() if u.kind == "chapter"]
    assert [c.num for c in chapters] == ["I", "II", "III", "IV"]
    assert all(c.kind in DIVISION_KINDS for c in chapters)
    first = [u.num for u in chapters[0].units() if isinstance(u, Provision)]
    assert first == ["1"]
