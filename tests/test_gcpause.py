"""The forked helper: its results arrive, its failures are the parent's to handle, and an
interrupted parent never waits for it."""
import time

import pytest

from builder.gcpause import HelperFailed, can_fork, collector_paused, helper

forking = pytest.mark.skipif(not can_fork(), reason="needs fork and a second core")


@forking
def test_the_helper_sends_what_it_made():
    with helper(lambda partner: partner.send(partner.receive() * 2)) as partner:
        partner.send(21)
        assert partner.receive() == 42


@forking
def test_a_failing_helper_is_reported_not_raised_in_the_parent():
    def fails(partner):
        raise ValueError("broken")

    with helper(fails) as partner:
        with pytest.raises(HelperFailed, match="broken"):
            partner.receive()


@forking
def test_an_interrupted_parent_stops_its_helper_at_once():
    began = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        with helper(lambda partner: time.sleep(60)):
            raise KeyboardInterrupt
    assert time.perf_counter() - began < 10


def test_the_collector_is_restored_after_a_pause():
    import gc

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
