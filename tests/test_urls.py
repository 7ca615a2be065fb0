from builder import urls


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
