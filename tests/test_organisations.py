"""Bodies as speakers: only where the text plainly credits the words to one."""
import pytest

from builder.quotations import extract_quotations


def _speakers(text: str) -> list[tuple[str | None, bool]]:
    return [(q.speaker, q.organisation) for q in extract_quotations("s", text)]


@pytest.mark.parametrize("text, body", [
    ("The Treasury said the levy ensured that “energy companies pay their share”.",
     "Treasury"),
    ("A Treasury spokesperson said the levy “ensures energy companies pay”.", "Treasury"),
    ("A spokesperson for the Save Larkspur group said: “This fight is not over.”",
     "Save Larkspur"),
    ("The union Unite called the cuts “a betrayal of the workforce”.", "Unite"),
    ("In a statement, Veltmoor said: “The board approved a write-down.”", "Veltmoor"),
    ("Coorabin Water, in a statement: “The authority has kept the minister informed.”",
     "Coorabin Water"),
    ("The Department of Water and Environment said in a statement: “Storage will fall.”",
     "Department of Water and Environment"),
    ("“We will appeal,” the Kremlin said.", "Kremlin"),
    ("“We will appeal,” said the Home Office.", "Home Office"),
    # At the start of a sentence a capital proves nothing by itself: a word like
    # 'Council' or 'Securities', or the name written mid-sentence elsewhere, does.
    ("Harcourt Lane Securities said the revision was “the largest in a decade”.",
     "Harcourt Lane Securities"),
    ("Members of Unite voted on Monday. Unite said the cuts were “a betrayal”.", "Unite"),
])
def test_a_body_the_text_credits_speaks(text, body):
    assert _speakers(text) == [(body, True)]


@pytest.mark.parametrize("text", [
    # Words that open sentences without naming anyone or anything.
    "Experts said the plan was “unworkable”.",
    "Officials warned the levy was “a mistake”.",
    # Not the subject of the verb.
    "Officials in Washington said the plan was “unworkable”.",
    "Analysts at Brockhurst Securities said the results were “worse than feared”.",
    # No proper name: 'the club', 'the company'.
    "A spokeswoman for the club said: “It would not be appropriate to comment.”",
    "In a statement, the company said: “The board met on Friday.”",
    # A capitalised word only ever at the start of a sentence may be anything.
    "Unison said staff had been “kept in the dark”.",
    # A person described by nationality, not a body.
    "“For me it was never a penalty,” the Welshman said.",
    "The Portuguese added: “It was a penalty.”",
    # Someone else's claim that the quotation is.
    "The minister dismissed Opposition claims that she had “sat on it”.",
])
def test_no_body_is_read_where_the_text_does_not_plainly_credit_one(text):
    assert _speakers(text) == [(None, False)]


@pytest.mark.parametrize("text, body", [
    ("The Medicines Standards Agency (MSA) is reviewing the data. A spokeswoman for the "
     "agency said: “We will assess it carefully.”", "Medicines Standards Agency"),
    ("The Medicines Standards Agency is weighing it up. A spokeswoman for the watchdog "
     "said: “We will assess it carefully.”", "Medicines Standards Agency"),
    ("Halverin Therapeutics wants £1,850 a year. “The price is fair,” the company "
     "said.", "Halverin Therapeutics"),
    ("Veltmoor Leisure Group made a loss. “We will recover,” said the company.",
     "Veltmoor Leisure Group"),
])
def test_a_body_goes_by_its_kind_where_the_article_names_one_of_that_kind(text, body):
    assert _speakers(text) == [(body, True)]


@pytest.mark.parametrize("text", [
    # Two agencies: 'the agency' may be either.
    ("The Food Standards Agency and the Medicines Standards Agency met. A spokeswoman for "
     "the agency said: “We will assess it.”"),
    # Named only after the quotation.
    ("A spokeswoman for the agency said: “We will assess it.” The Medicines Standards "
     "Agency meets in May."),
    # Not a body of that kind.
    ("Wandarra Shire Council met. A spokeswoman for the agency said: “We will assess it.”"),
])
def test_a_kind_names_no_body_unless_one_of_that_kind_was_named_before(text):
    assert _speakers(text) == [(None, False)]


@pytest.mark.parametrize("text, body", [
    # The first word of a body's name, opening a sentence: a name after all.
    ("Halverin Therapeutics set the price.\nHalverin said in a statement: “We are "
     "grateful to the patients.”", "Halverin Therapeutics"),
    ("Members of Veltmoor Leisure Group met. In a statement, Veltmoor said: “The board "
     "approved a write-down.”", "Veltmoor Leisure Group"),
    # Initials the article gives in brackets.
    ("The Medicines Standards Agency (MSA) met. An MSA spokeswoman said: “We will assess "
     "it.”", "Medicines Standards Agency"),
])
def test_a_body_goes_by_the_full_name_its_article_gives_it(text, body):
    assert _speakers(text) == [(body, True)]


def test_a_person_named_beats_the_body_they_speak_for():
    text = ("Tom Lee, a Treasury spokesman, said the levy was “fair”.\n"
            "“It works,” Mr Lee said.")
    assert _speakers(text) == [("Tom Lee", False), ("Tom Lee", False)]


@pytest.mark.parametrize("text, speakers", [
    ("The Treasury said the plan was sound. It added: “We will not borrow more.”",
     [("Treasury", True)]),
    ("The Treasury said the levy was “fair”. “It works,” it said.",
     [("Treasury", True), ("Treasury", True)]),
    ("“We will appeal,” the Kremlin said. “We will win,” it added.",
     [("Kremlin", True), ("Kremlin", True)]),
    # The body named by its kind, in the sentence that is all its statement.
    ("Veltmoor Leisure Group made a loss.\nIn a statement, the company said: “The board "
     "met.”\nIt added that it “continues to cooperate fully”.",
     [("Veltmoor Leisure Group", True), ("Veltmoor Leisure Group", True)]),
    # A person named beside the body cannot be 'it'.
    ("The Treasury said Mr Lee was wrong. It added: “We will not borrow more.”",
     [("Treasury", True)]),
])
def test_it_speaking_is_the_one_body_that_spoke_just_before(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text", [
    # Nothing named before: 'it' is nobody.
    "It said the levy was “a mistake”.",
    # Something else named there could be 'it': another body, a place, a kind of body
    # that is not this one, a thing that says, two bodies speaking at once.
    "The Treasury said Nato was wrong. It added: “We will not borrow more.”",
    "The Treasury said the government was wrong. It added: “We will not borrow more.”",
    "The Treasury said its report was ready. It said: “We will not borrow more.”",
    "The Treasury and the Bank of England spoke. It added: “We will not borrow more.”",
    ("The Treasury and the Bank of England said the plan was sound. It added: “We will "
     "not borrow more.”"),
    # The body spoke two sentences back: too far to be sure.
    "The Treasury said the plan was sound. Mr Lee agreed. It added: “We will not borrow.”",
    # A person spoke, and a person is never 'it'.
    "Ann Lee said the plan was sound. It added: “We will not borrow more.”",
])
def test_it_is_nobody_where_the_text_leaves_any_doubt(text):
    assert _speakers(text) == [(None, False)]


def test_it_speaking_never_hands_the_words_to_a_person_the_sentence_names():
    text = "Mr Lee said the plan was sound. It added that Mr Lee had “misled the house”."
    assert _speakers(text) == [(None, False)]
