"""Transcripts: each speaker's turn is their own words, quoted without marks."""
from __future__ import annotations

import pytest

from builder.quotations import extract_quotations
from builder.transcripts import transcript_turns

INTERVIEW = (
    "Sunday Review: Marwood interview – partial transcript\n"
    "The Chancellor was interviewed this morning.\n"
    "Tom Ashdown: Chancellor, good morning. Is that still the number?\n"
    "Helen Marwood: Good morning, Tom. It is.\n"
    "ASHDOWN: So taxes are going up?  \n"
    "Marwood: No. I said “never” and I meant it.\n")


def test_each_turn_is_its_line_after_the_label_with_the_fullest_name_given():
    turns = transcript_turns(INTERVIEW)
    assert [(INTERVIEW[t.start:t.end], t.speaker) for t in turns] == [
        ("Chancellor, good morning. Is that still the number?", "Tom Ashdown"),
        ("Good morning, Tom. It is.", "Helen Marwood"),
        ("So taxes are going up?", "Tom Ashdown"),   # trailing spaces left out
        ("No. I said “never” and I meant it.", "Helen Marwood"),
    ]


def test_turns_are_quotations_and_words_quoted_inside_a_turn_are_not_its_own():
    quotations = extract_quotations("s", INTERVIEW)
    assert [(q.speaker, q.text) for q in quotations] == [
        ("Tom Ashdown", "Chancellor, good morning. Is that still the number?"),
        ("Helen Marwood", "Good morning, Tom. It is."),
        ("Tom Ashdown", "So taxes are going up?"),
        ("Helen Marwood", "No. I said “never” and I meant it."),
    ]
    assert all(INTERVIEW[q.start:q.end] == q.text for q in quotations)


def test_a_report_is_a_transcript_only_where_two_people_take_several_turns():
    # A headline and a caption: labels, but no conversation.
    assert transcript_turns("Marwood: no tax rises\nPhoto: Reuters\nSource: Treasury\n"
                            "Update: the figures came later.\n") == []
    # One person's lines, however many, are no interview.
    assert transcript_turns("Headline\nMarwood: One.\nMarwood: Two.\nMarwood: Three.\n") == []
    # Two turns are too few to tell a transcript from two labelled quotations.
    assert transcript_turns("Headline\nAshdown: Is it?\nMarwood: It is.\n") == []


def test_a_labelled_quotation_in_marks_keeps_its_own_reading():
    text = ("Live: dam costs\nHere is what they said.\n"
            "Anthony Kovac: “This will create 600 local jobs.”\n"
            "Jenny Tolhurst: “The shire found out from the television.”\n"
            "Ailsa Brennock: “I was briefed in April.”\n")
    assert transcript_turns(text) == []
    assert [q.text for q in extract_quotations("s", text)] == [
        "This will create 600 local jobs.", "The shire found out from the television.",
        "I was briefed in April."]


def test_a_party_or_role_in_brackets_is_no_part_of_the_speakers_name():
    text = ("Question time: the dam\nHere is how it went.\n"
            "Marcus Feldane (Liberal): This minister has known since February.\n"
            "Ailsa Brennock (Labor): I was briefed on 14 April.\n"
            "Helen Marwood (presenter): Minister, is that true?\n"
            "Feldane: She sat on it.\n")
    assert [(text[t.start:t.end], t.speaker) for t in transcript_turns(text)] == [
        ("This minister has known since February.", "Marcus Feldane"),
        ("I was briefed on 14 April.", "Ailsa Brennock"),
        ("Minister, is that true?", "Helen Marwood"),
        ("She sat on it.", "Marcus Feldane"),
    ]


QUICKFIRE = "Q: Will you deliver the Budget?\nA: Yes.\n\nQ: Have you offered to resign?\nA: No.\n"


def _said(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotations("s", text)]


@pytest.mark.parametrize("intro, answerer", [
    ("Tom Ashdown's interview with Helen Marwood, in full.", "Helen Marwood"),
    # The full name the article gives the one it calls Ms Marwood.
    ("Helen Marwood spoke on Sunday.\nAfterwards Ms Marwood answered questions from readers.",
     "Helen Marwood"),
])
def test_answers_are_the_person_the_line_before_says_answers(intro, answerer):
    text = "Marwood: the quickfire round\n" + intro + "\n" + QUICKFIRE
    assert _said(text) == [(None, "Will you deliver the Budget?"), (answerer, "Yes."),
                           (None, "Have you offered to resign?"), (answerer, "No.")]


@pytest.mark.parametrize("intro", [
    # Only who asks is named.
    "Ashdown ended with some quickfire questions.",
    # Two people, either of whom may answer.
    "Ms Marwood and Mr Okafor answered questions from readers.",
    # A person named, but not as answering.
    "Helen Marwood was in Leeds on Friday.",
])
def test_answers_nobody_is_named_for_are_left_unread(intro):
    text = "Marwood: the quickfire round\n" + intro + "\n" + QUICKFIRE
    assert _said(text) == []


def test_questions_without_answers_are_no_interview():
    text = "Readers' questions\nWe put these to Helen Marwood.\nQ: Is it?\nQ: Will it?\n"
    assert _said(text) == []


def test_question_and_answer_written_out_are_read_as_q_and_a():
    text = ("Marwood: the quickfire round\nOur interview with Helen Marwood.\n"
            "Question: Will you deliver the Budget?\nAnswer: Yes.\n")
    assert _said(text) == [(None, "Will you deliver the Budget?"), ("Helen Marwood", "Yes.")]
