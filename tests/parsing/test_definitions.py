"""The definitions table in the shapes bilingual and Commonwealth statutes print definitions."""

from __future__ import annotations

from safeguard_lint import parse


def test_a_term_with_its_translation_is_defined() -> None:
    document = parse(
        "Section 2 Interpretation\nIn this Ordinance—\n"
        "authorizing officer (\u6388\u6b0a\u4eba\u54e1) means an officer not below the rank of "
        "superintendent;\nspecified offence (\u6307\u660e\u7f6a\u884c) means an offence in "
        "Schedule 1.\n"
    )
    assert list(document.definitions) == ["authorizing officer", "specified offence"]


def test_an_including_definition_closed_by_its_french_term_is_defined() -> None:
    document = parse(
        "Definitions\n2 (1) The following definitions apply in this Act.\n"
        "intercept includes listen to or record a communication. (intercepter)\n"
        "judge means a judge of a superior court. (juge)\n"
        "Warrant\n3 (1) A judge may issue a warrant.\n"
    )
    assert list(document.definitions) == ["intercept", "judge"]


def test_an_including_sentence_outside_definitions_defines_nothing() -> None:
    document = parse("Section 4. Scope\nThe term of office includes any extension of it.\n")
    assert list(document.definitions) == []


def test_a_definition_in_the_sentence_of_its_lead_in_is_defined() -> None:
    document = parse(
        "1. In this Act, relevant offence means an offence listed in Schedule 1.\n"
        "2. In this Act, unless the context otherwise requires: --\n"
    )
    assert list(document.definitions) == ["relevant offence"]
