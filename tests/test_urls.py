import re
from urllib.parse import unquote

import pytest

from builder import urls
from builder.urls import text_fragment


def test_tags_are_slugged():
    assert urls.tag("Royal Navy") == "tags/royal-navy/"
    assert urls.slugify("Défense & Sécurité!") == "defense-securite"
    assert urls.slugify("../../etc/passwd") == "etc-passwd"


def test_output_files():
    assert urls.output_file("") == "index.html"
    assert urls.output_file("claims/x/") == "claims/x/index.html"
    assert urls.output_file("404.html") == "404.html"


def test_unique_numbers_a_key_already_taken_and_remembers_it():
    taken: set[str] = set()
    assert [urls.unique(key, taken) for key in ("jose", "jose", "jose", "ann")] == [
        "jose", "jose-2", "jose-3", "ann"]
    assert taken == {"jose", "jose-2", "jose-3", "ann"}


HEADLINE = "Defence Secretary meets allies\n"


def first_match(text: str, fragment: str) -> int:
    """Where a browser's case-insensitive search for the directive lands: the start of
    its words in the first match of prefix, words and suffix together."""
    parts = [unquote(part) for part in fragment.removeprefix(":~:text=").split(",")]
    prefix = parts.pop(0)[:-1] if parts[0].endswith("-") else None
    suffix = parts.pop()[1:] if parts[-1].startswith("-") else None
    words = parts[0]
    found = re.search(r"\s*".join(map(re.escape, filter(None, (prefix, words, suffix)))),
                      text, re.IGNORECASE)
    assert found, fragment
    return found.start() + (text[found.start():].lower().find(words.lower()))


@pytest.mark.parametrize("text, target, expected", [
    (HEADLINE + "Later the Defence Secretary spoke.", "Defence Secretary",
     ":~:text=the-,Defence%20Secretary"),
    (HEADLINE + "Defence Secretary John Healey spoke.", "Defence Secretary",
     ":~:text=Defence%20Secretary,-John"),
    (HEADLINE + "Then the defence secretary spoke.", "defence secretary",  # any case
     ":~:text=the-,defence%20secretary"),
    ("She is 46. Ann Lee (46) spoke.", "46", ":~:text=%28-,46"),
    ("The ex-minister, Ann Lee & co", "ex-minister,", ":~:text=ex%2Dminister%2C"),
    # A letter whose lower case is longer ('İ' is 'i̇') moves nothing.
    ("İstanbul mayor\nLater the İstanbul mayor spoke.", "mayor", ":~:text=mayor,-spoke."),
])
def test_a_text_fragment_lands_on_its_own_words(text, target, expected):
    start = text.rfind(target)
    fragment = text_fragment(text, start, start + len(target))
    assert fragment == expected
    assert first_match(text, fragment) == start


def test_a_text_fragment_without_telling_context_keeps_the_words_alone():
    text = "minister\nminister"  # nothing else on its line
    assert text_fragment(text, 9, 17) == ":~:text=minister"
