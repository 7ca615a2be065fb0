"""Whom a short text (a claim, a quoted passage) names, by the corpus's names for them."""
from builder.people import people_named

FULL_NAMES = {"Trump": ("Donald Trump",), "Harris": ("Ann Harris", "Ben Harris")}


def test_a_surname_alone_is_the_one_person_the_corpus_gives_it():
    assert people_named("Mr Trump’s aide and President Trump stayed.", FULL_NAMES) == (
        "Donald Trump",)


def test_a_surname_two_people_share_stays_as_written():
    assert people_named("Harris said so; Ann Harris did not.", FULL_NAMES) == (
        "Harris", "Ann Harris")


def test_a_longer_name_ending_otherwise_is_not_the_person():
    # 'Trump Tower' is no one's name here: not Donald Trump's.
    assert people_named("They met at Trump Tower.", FULL_NAMES) == ("Trump Tower",)


def test_a_body_named_after_its_leader_is_not_the_leader():
    # 'the Trump administration' names a government; a claim about it is not about him.
    assert people_named("The Trump administration and the Starmer government met.",
                        FULL_NAMES) == ()
    assert people_named("Under the Trump administration, Mr Trump said so.", FULL_NAMES) == (
        "Donald Trump",)
    assert people_named("This is the Trump I know.", FULL_NAMES) == ("Donald Trump",)
