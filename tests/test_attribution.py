"""Speakers in copy unlike the seeds: British and American conventions, appositions,
honorifics with full stops, pronouns that could mean several people. A speaker is named
where the text makes it plain, and left unknown, never guessed, where it does not."""
from __future__ import annotations

import pytest

from builder.quotations import extract_corpus, extract_quotations


def _speakers(text: str) -> list[str | None]:
    return [quotation.speaker for quotation in extract_quotations("s", text)]


@pytest.mark.parametrize("text, speakers", [
    # Whose she is, or her party, is not part of her name.
    ("Unison's Siobhan Kerr said: “We will fight this.”", ["Siobhan Kerr"]),
    ("Liberal Democrat Tom Briggs said: “It is a disgrace.”", ["Tom Briggs"]),
    # An age or a description between the name and its verb.
    ("Margaret Doyle, 74, said: “I would not be here today.”", ["Margaret Doyle"]),
    ("Margaret Doyle, 74, who was treated on the ward in 2023, said: “I would not be here.”",
     ["Margaret Doyle"]),
    ("Priya Natarajan, a structural engineer at Ohio State, testified on Tuesday.\n"
     "“The crack was visible,” Natarajan said.", ["Priya Natarajan"]),
    # A full name given an age or something only a person does, then the surname alone;
    # a sentence opening with an adverb before it.
    ("Tom Reyes gave evidence on Tuesday.\n“I signed nothing,” Reyes said.\n"
     "Later Reyes told the court: “The money went to the club.”", ["Tom Reyes", "Tom Reyes"]),
    ("Ann Lee, 52, of Leeds, denied fraud.\n“I am innocent,” Lee said.", ["Ann Lee"]),
    ("Sarah Okafor spoke at the rally on Monday. She said: “We will win this.”",
     ["Sarah Okafor"]),
    ("Sarah Okafor spoke to reporters.\nOkafor said: “We will win this.”", ["Sarah Okafor"]),
    # An aside in brackets between the name and its verb; a verb of disagreeing.
    ("Ann Lee (pictured) said: “It was awful.”", ["Ann Lee"]),
    # 'the professor' is the one professor named; of two, neither.
    ("Prof Ingrid Salvesen led the trial.\n“We cut the risk,” the professor said.",
     ["Ingrid Salvesen"]),
    ("Professor Ingrid Salvesen said: “We did it.”\n“It is wrong,” said Professor Tom Reyes."
     "\n“We cut the risk,” the professor added.", ["Ingrid Salvesen", "Tom Reyes", None]),
    # A role in lower case between the quotation (or its verb) and the name; not words
    # that start another clause.
    ("“We followed them,” lead researcher Ingrid Salvesen said.", ["Ingrid Salvesen"]),
    ("“We followed them,” the trial’s chief investigator, Ingrid Salvesen, said.",
     ["Ingrid Salvesen"]),
    ("“We followed them,” said lead researcher Ingrid Salvesen.", ["Ingrid Salvesen"]),
    ("“We followed them,” and Ingrid Salvesen said she agreed.", [None]),
    # A decimal point in the description between the name and its verb.
    ("Caroline Redfern, whose charity put £3.5 million into the trial, said the money was "
     "well spent.\n“Heart disease kills,” she said.", ["Caroline Redfern"]),
    # Someone named only as someone's ('Prof Salvesen’s work') may be who 'she' is; so may
    # the woman who spoke just before: neither is taken. In 'she' 's own sentence the
    # possessor is the one ('Ms Marwood’s response was …, she said').
    ("“Results like these matter,” said Caroline Redfern, who runs the charity.\n"
     "The charity first backed Prof Ingrid Salvesen’s work in 2015, when she was a junior "
     "researcher.\n“It would have been easy to say no,” she said.",
     ["Caroline Redfern", None]),
    ("Helen Marwood spoke on Sunday.\nMs Marwood’s response was to question the record: it "
     "had “been wrong before”, she said.", ["Helen Marwood"]),
    # A paragraph that opens with a straight quotation mark starts a new sentence: the
    # one before, and whoever speaks in it, is not this quotation's lead-in.
    ('Professor Ingrid Salvesen said: "This is the first time."\n\n'
     '"It is not a miracle," a rival researcher said.', ["Ingrid Salvesen", None]),
    # A description by age stands for whoever the article gives that age, and for no
    # one when nobody or two people are given it.
    ("Ann Lee, 45, said she was shocked.\n“It was awful,” the 45-year-old added.",
     ["Ann Lee"]),
    ("Ann Lee (45) was at the scene.\nThe 45-year-old said: “It was awful.”", ["Ann Lee"]),
    ("Ann Lee, 45, and Tom Reyes, 45, were there.\n“It was awful,” the 45-year-old said.",
     [None]),
    ("Ann Lee, 45, was there.\n“It was awful,” the 52-year-old said.", [None]),
    ("Ann Lee said: “It was awful.” Tom Reyes disagreed: “It was fine.”",
     ["Ann Lee", "Tom Reyes"]),
    ("Ann Lee said: “It was awful.”\n“No, it was fine,” Tom Reyes retorted.",
     ["Ann Lee", "Tom Reyes"]),
    # A full name introduced by the verb after the quotation.
    ("“It was terrifying,” said Kyle Brandt, a spokesman for the governor.", ["Kyle Brandt"]),
    # Honorifics and titles abbreviated with a full stop, which ends no sentence.
    ("Ken Whitfield said the reports were ignored. “Ohio families deserve answers,” "
     "Mr. Whitfield wrote on X. “The secretary had two years.”",
     ["Ken Whitfield", "Ken Whitfield"]),
    ("“This bridge fell,” said Sen. Tom Reyes, who chairs the panel. “It fell down.”",
     ["Tom Reyes", "Tom Reyes"]),
    # A question, then its attribution.
    ("Sen. Ken Whitfield questioned the secretary.\n"
     "“Who read those reports?” Whitfield asked.", ["Ken Whitfield"]),
    ("Ken Whitfield said the reports were ignored.\n"
     "“Who read those reports?” asked Whitfield.", ["Ken Whitfield"]),
    # A plain title for the one holder of a fuller one.
    ("Health Minister Jane Okafor defended the plan on Monday.\n"
     "“The review is clear,” the minister said.", ["Jane Okafor"]),
    # "She" looks back past a sentence that is all quotation.
    ("“Staff were told nothing,” said Ms Kerr. “That is theatre.”\n"
     "She added: “We will write to every member.”", ["Kerr", "Kerr", "Kerr"]),
    # "She" is not Mr Whitfield, so it is the one other person named.
    ("Mr Whitfield asked Dr Natarajan about the design.\n"
     "“It was maintenance, not design,” she said.", ["Natarajan"]),
    # A title and a name in apposition, however the sentence ends.
    ("“We cannot wait any longer,” said the mayor, Jane Smith.", ["Jane Smith"]),
    ("“We cannot wait any longer,” the mayor, Jane Smith, said.", ["Jane Smith"]),
    # The name set off in a lead-in whose own subject is someone's title.
    ("Cook's spokesman, Tom Lee, said: “There will be no further cuts.”", ["Tom Lee"]),
    # Speech credited with 'according to', before or after.
    ("According to Jane Smith, “the bridge will close for six weeks”.", ["Jane Smith"]),
    ("Jane Smith, the mayor, spoke on Monday. “It will close,” according to Smith.",
     ["Jane Smith"]),
    # Surnames with particles.
    ("Pieter van der Berg said: “The dam will hold.”", ["Pieter van der Berg"]),
    ("Ursula von der Leyen spoke in Brussels. “Europe stands united,” Ms von der Leyen "
     "said.", ["Ursula von der Leyen"]),
    # An organisation's title: whose spokesman, before or after the quotation.
    ("Talks ended. The Kremlin spokesman, Dmitry Peskov, said: “Nothing is agreed.”",
     ["Dmitry Peskov"]),
    ("“Nothing is agreed,” Kremlin spokesman Dmitry Peskov told reporters.",
     ["Dmitry Peskov"]),
    ("The White House press secretary, Karoline Leavitt, said: “The president is clear.”",
     ["Karoline Leavitt"]),
    # A description without an article between name and verb; the body she works for
    # speaks as a body, and is no one "she" could mean.
    ("Harcourt Lane Securities said the revision was “the largest in a decade”.\n"
     "Naomi Achterberg, head of research at the broker, said the overrun was usual. "
     "“Estimates always rise,” she said.", ["Harcourt Lane Securities", "Naomi Achterberg"]),
    ("Wandarra Shire Council said it had “not been consulted”.", ["Wandarra Shire Council"]),
    # Words others said, that the sentence's subject rejects, are not hers.
    ("Ms Brennock said she “was briefed in April”, rejecting Opposition claims that she "
     "had “sat on it for four months”.", ["Brennock", None]),
    ("Mr Healey repeated his claim that Britain was “ready to lead”.", ["Healey"]),
    # Titles and honorifics of other countries' politics.
    ("Treasurer Helen Quaid said: “The budget can absorb it.”", ["Helen Quaid"]),
    ("Cr Jenny Tolhurst said: “We found out from the television.”", ["Jenny Tolhurst"]),
    # A wife and husband: 'she' in the first sentence says which Doyle is Mrs Doyle.
    ("Margaret Doyle said she had been lucky. Her husband, Tom Doyle, drove her in.\n"
     "“Every minute counted,” Mr Doyle said. “I would not be here,” Mrs Doyle said.",
     ["Tom Doyle", "Margaret Doyle"]),
    # ... and without it, 'Mrs Doyle' could be either as far as the text says.
    ("Margaret Doyle and Tom Doyle were there.\n“I would not be here,” Mrs Doyle said.",
     ["Doyle"]),
    # A live blog's own correspondent, and her report in the next paragraph.
    ("Our state political editor, Grace Odum, was in the chamber. She writes:\n"
     "“The minister has had the figure for weeks.”", ["Grace Odum"]),
    # Letters after the name, and titles of the court and the dressing room before it.
    ("“This is a case about a man,” Rosalind Okonjo-Barr KC, prosecuting, told the jury.",
     ["Rosalind Okonjo-Barr"]),
    ("Judge Eleanor Pryce-Whitcombe told jurors: “Decide on the evidence.”",
     ["Eleanor Pryce-Whitcombe"]),
    ("Skipper Luka Perić put it best: “We go again.”", ["Luka Perić"]),
    # An aside in dashes between the name and the verb.
    ("Joaquín Ibáñez – remember him, the lad we signed in 2021? – told the court that he "
     "“signed whatever they put in front of me”.", ["Joaquín Ibáñez"]),
    # A particle that opens a sentence in capitals.
    ("Henrik van der Molen was charged. Van der Molen said: “I never took a penny.”",
     ["Henrik van der Molen"]),
    # A name set off by commas after what it names.
    ("The chief executive of Harbour Trust, Dr Helen Marsh, said it would “monitor "
     "outcomes”.", ["Helen Marsh"]),
    # A name labelling the quotation, as in a transcript or a live blog.
    ("Jane Smith: “It is a disgrace.”", ["Jane Smith"]),
    # Whoever else is named, is named in what the one speaker said.
    ("Mr Zelensky said Mr Trump was misinformed.\n“I am protecting Ukraine,” he said.",
     ["Zelensky"]),
])
def test_the_speaker_the_text_names(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text", [
    # Two men, and the one who accused is no likelier to speak next than the accused.
    "Mr Briggs accused Mr Patel of ignoring the clinicians.\n"
    "“We did not take this lightly,” he said.",
    # Two women named together: "she" could be either.
    "Maria Alvarez said she was sorry. Priya Natarajan said the plates cracked.\n"
    "Both Alvarez and Natarajan told the subcommittee the money existed.\n"
    "“The money was there,” she said.",
    # Nobody "she" could be.
    "Mr Patel opened the meeting.\n“We will vote today,” she said.",
    # A question and a sentence that goes on about something else.
    "Ken Whitfield spoke first.\n“Why?” Whitfield said the answer was simple and would come.",
])
def test_who_could_be_several_people_stays_unknown(text):
    assert _speakers(text) == [None]


def test_a_prefix_never_spreads_to_other_outlets():
    """Merged across sources, the fullest name wins: a descriptor taken for a first name
    would rename the person in every outlet."""
    quotations = extract_corpus({
        "a": "Liberal Democrat Tom Briggs said: “It is a spreadsheet decision.”",
        "b": "Unison's Siobhan Kerr said: “Staff were not told.”\n"
             "Tom Briggs said: “It is a decision taken in a spreadsheet.”",
    })
    assert {q.speaker for q in quotations} == {"Tom Briggs", "Siobhan Kerr"}


def test_according_to_an_organisation_names_no_speaker():
    assert _speakers("“The bridge will close,” according to Reuters.") == [None]
    assert _speakers("According to the council, “the bridge will close”.") == [None]
    # What 'according to' credits is the records, or the lawyers, not the name before them.
    assert _speakers("According to Muskingum County records, the job was “routine”.") == [
        None]
    assert _speakers("Jane Smith said little. “It was routine,” according to Jane Smith’s "
                     "lawyers.") == [None]
    # ... but her own testimony is hers.
    assert _speakers("Priya Natarajan testified. “It had been growing for years,” "
                     "according to Natarajan’s written testimony.") == ["Priya Natarajan"]


@pytest.mark.parametrize("text, speakers", [
    # A word that describes the person, capitalised before the name, is not part of it,
    # and says whether 'he' or 'she' may stand for them.
    ("Grandad Dennis Pollard, 67, took part. He said: “Two injections is nothing.”",
     ["Dennis Pollard"]),
    ("Mum-of-two Jo Bell said: “I was scared.” Tom Hill arrived. “It was fine,” she "
     "said.", ["Jo Bell", "Jo Bell"]),
    ("Nurse Ann Lee said: “It was chaos.”", ["Ann Lee"]),
    ("Sergeant Tom Hale said: “We arrived fast.”", ["Tom Hale"]),
    # ... only before a name: 'Driver' ends this one.
    ("Adam Driver said: “Lights.”", ["Adam Driver"]),
])
def test_a_descriptor_before_a_name_is_not_part_of_it(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text", [
    "Ex-President Ann Lee said: “We stayed.”",
    "Then-President Ann Lee said: “We stayed.”",
    "Vice-President Ann Lee said: “We stayed.”",
    "President-Elect Ann Lee said: “We stayed.”",
])
def test_a_title_joined_by_a_hyphen_is_not_part_of_the_name(text):
    assert _speakers(text) == ["Ann Lee"]


@pytest.mark.parametrize("text, speakers", [
    ("“It was chaos.” – Ann Lee", ["Ann Lee"]),
    ("“It was chaos.” — Ann Lee, a nurse at the hospital\nShe stayed.", ["Ann Lee"]),
    # Not a signature: her story, or the subject of a sentence that goes on.
    ("“Never again” – Ann Lee’s story", [None]),
    ("“Never again” – Smith vows to fight on", [None]),
])
def test_a_name_after_a_dash_signs_the_quotation_before_it(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text, speakers", [
    # Two Brennocks: 'Ms Brennock' is the woman of the two, so 'he' is Mr Kovac.
    ("Ailsa Brennock, the minister, spoke first. Lachlan Brennock, an irrigator, spoke "
     "next. Anthony Kovac said nothing.\nMr Kovac sat beside Ms Brennock all day. "
     "He later told reporters: “Nobody wants this.”", ["Anthony Kovac"]),
    # A paragraph that is nothing but a quotation, after one whose last sentence
    # credits its quotation after it.
    ("“I did not understand why,” said Joaquín Ibáñez, speaking through an interpreter.\n"
     "“I was 19 years old.”", ["Joaquín Ibáñez", "Joaquín Ibáñez"]),
])
def test_who_speaks_found_through_an_honorific_or_the_paragraph_before(text, speakers):
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text, speakers", [
    # A description nobody goes by, going on from the one person just named, who speaks.
    ("John Healey noted that Russia “remains a threat”.\nPointing out that the UK "
     "has sent aid, the cabinet minister added: “They are fighting bravely.”",
     ["John Healey", "John Healey"]),
    # One that tells or says may bring in someone new: nobody.
    ("Sir John Whittingdale described the comments as “very worrying”.\n"
     "The Conservative former minister told the PA news agency: “They show a "
     "misunderstanding.”", ["John Whittingdale", None]),
    ("Defence Secretary John Healey said Russia was “a threat well beyond Ukraine”. The "
     "ambassador told reporters: “We cannot allow this to continue.”", ["John Healey", None]),
    # The one person named does not speak: the description may be someone new.
    ("Mr Smith, a farmer, watched the vote.\nThe former minister said: “It is fair.”", [None]),
    # Two people named: either could be meant.
    ("Mr Smith and Ms Jones spoke at length.\nThe former minister said: “It is fair.”",
     [None]),
    # 'A minister' brings in someone new.
    ("Sir John Whittingdale spoke first.\nA minister said: “It is fair.”", [None]),
])
def test_a_description_stands_for_the_person_just_named_only_when_plain(text, speakers):
    assert _speakers(text) == speakers


def test_a_title_someone_else_holds_never_falls_back_on_the_last_speaker():
    """'The US president' is Donald Trump in the corpus: where this article does not
    name him, it is nobody, not the Defence Secretary who spoke just before."""
    quotations = extract_corpus({
        "a": "US President Donald Trump spoke on Tuesday.",
        "b": "John Healey said the war was “illegal”.\nThe US president said: “Ukraine "
             "started it.”",
    })
    assert [q.speaker for q in quotations if q.source == "b"] == ["John Healey", None]


@pytest.mark.parametrize("text, speakers", [
    # The speech verb's subject is no one the sentence names: not the person it names.
    ("Ms Okafor has refused to meet campaigners, although her department said she would "
     "“consider any request”.", [None]),
    ("Officials said Mr Patel would “think again”.", [None]),
    # An aside or an adverb between a person and the verb is still that person's.
    ("Mr Patel, who has long argued for cuts, said the plan was “fair”.", ["Patel"]),
    ("Mr Whitfield, who has long argued that states should spend federal road money, said "
     "the collapse showed that “flexibility without accountability is dangerous”.",
     ["Whitfield"]),
    # A noun after a preposition is no subject.
    ("Mr Healey, in Kirkenes on the border said Russia was “a threat”.", ["Healey"]),
    # Two speakers at once: neither alone.
    ("Ms Kerr and the nurse both said morale was at “rock bottom”.", [None]),
    ("Mr Healey has previously said that Ukraine “should never have started” it.",
     ["Healey"]),
])
def test_a_speech_verb_with_a_common_noun_for_subject_gives_no_one_named_the_words(
        text, speakers):
    assert _speakers(text) == speakers


def test_the_minister_is_nobody_when_two_ministers_could_be_meant():
    quotations = extract_corpus({
        "a": "Water Minister Ailsa Brennock and Regional Development Minister Anthony Kovac "
             "spoke.\nMs Brennock and Mr Kovac will tour the dam on Friday. The minister said "
             "the visit would “give the community a chance”.",
    })
    assert [q.speaker for q in quotations] == [None]


@pytest.mark.parametrize("text, speakers", [
    # Whoever is told listens: the one who tells speaks.
    ("Striker Danny Okoro scored twice.\nOkoro, who has six goals in nine games, told "
     "Mersland Sport: “I felt the contact.”", ["Danny Okoro"]),
    ("Vale boss Gareth Lomax has spoken to Mersland Sport, and he is not a happy man:\n"
     "“For me it was never a penalty.”", ["Gareth Lomax"]),
    # A sports role before a name shows a person, and the surname alone is theirs.
    ("Ashbourne chief Tiago Serrano hit back.\nSerrano said: “We will see tomorrow.”",
     ["Tiago Serrano"]),
    ("Ashbourne boss Serrano disagreed.\n“It was a penalty,” said Serrano.", ["Serrano"]),
    # 'Asked …,' before the name that speaks.
    ("Ashbourne boss Tiago Serrano won.\nAsked what he wanted from those two games, Serrano "
     "said simply: “Six points. Nothing else.”", ["Tiago Serrano"]),
    # A live blog's topic label is not a speaker.
    ("Tiago Serrano has finished his press conference.\nOn Okoro:\n“Danny is a special boy.”",
     [None]),
    # 'X, he said, had been “…”': he is not X, but the one named before.
    ("Ashbourne boss Tiago Serrano spoke after the game.\nHe was less forthcoming about the penalty. Okoro, "
     "he said, had been “quicker than the defender”.", ["Tiago Serrano"]),
    ("Okoro, he said, had been “quicker than the defender”.", [None]),
    # 'chief' heads a title before a name, and only modifies 'chief executive'.
    ("Police chief Tom Barr was asked.\n“We will find them,” the chief said.", ["Tom Barr"]),
    ("Veltmoor chief executive Annika Sorensen spoke.\nThe chief executive said: “We took a "
     "write-down.”", ["Annika Sorensen"]),
    # 'according to him' credits the one he stands for (it once crashed the build).
    ("Mayor Tom Barr visited.\nAccording to him, \"the bridge will reopen in May.\"",
     ["Tom Barr"]),
    ("\"It will reopen,\" according to him.", [None]),
    ("According to his spokesman, “we are ready.”", [None]),
    # A headline's adjective is no first name: 'Fuming Lomax' is Gareth Lomax.
    ("Fuming Lomax blasts ref\nVale boss Gareth Lomax was angry.\n"
     "Lomax said: “We were robbed.”", ["Gareth Lomax"]),
])
def test_sports_copy_speakers(text, speakers):
    assert _speakers(text) == speakers


def test_a_manager_called_by_surname_alone_is_a_person_not_a_body():
    text = ("Ashbourne boss Serrano disagreed.\n“It was a penalty,” said Serrano.\n"
            "Serrano said: “We will see tomorrow.”")
    quotations = extract_quotations("s", text)
    assert [(q.speaker, q.organisation) for q in quotations] == [("Serrano", False)] * 2


@pytest.mark.parametrize("text", [
    # A speaking pronoun with no one of its gender named in its sentence: nobody, even
    # if a woman is named further back (the one she is may be described, not named).
    "Chancellor Helen Marwood was on the programme.\nMs Marwood said the plan was working.\n"
    "After the interview, Mr Ashdown spoke to a pensioner in Leeds, who was in tears, and she "
    "said: “I cannot pay my bills.”",
])
def test_a_pronoun_is_never_carried_past_a_sentence_that_may_describe_her(text):
    assert _speakers(text) == [None]


def test_a_speech_tag_after_a_comma_but_no_name_still_names_the_one_before():
    """'the plan, he said, was': only a tag right after a name ('Okoro, he said,') skips
    that name."""
    assert _speakers("Chancellor Sam Hill unveiled the budget on Monday.\nShadow chancellor Tom "
                     "Barr was scathing: the plan, he said, was “a disgrace”.") == ["Tom Barr"]


def test_an_honorific_in_one_article_genders_only_the_full_name_it_stands_beside():
    """Article A's 'Mr Ashdown' says nothing of article B's Sarah Ashdown."""
    texts = {"a": "Mr Ashdown asked whether taxes would rise.",
             "b": "Ms Helen Marwood spoke first.\nThen came Labour's Sarah Ashdown, and she "
                  "said: “We oppose this budget.”"}
    (quotation,) = extract_corpus(texts)
    assert quotation.speaker == "Sarah Ashdown"


@pytest.mark.parametrize("text", [
    "Referee Tom Barr booked striker Danny Okoro.\nOkoro was told by Barr: “One more and you "
    "are off.”",
    "Sarah Lee was told by Tom Barr: “You are fired.”",
    "Vale boss Gareth Lomax was furious, but the club said: “We will not appeal.”",
])
def test_one_who_is_told_or_a_common_noun_that_speaks_gives_the_one_named_no_words(text):
    assert _speakers(text) == [None]
