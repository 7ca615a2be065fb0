"""The forked helper: its results arrive, its failures are the parent's to handle, and an
interrupted parent never waits for it."""
import os
import select
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
@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_SETPIPE_SZ"),
                    reason="pipe sizes are set this way on Linux only")
def test_the_helper_sends_a_large_result_without_waiting_for_the_parent_to_read_it():
    sent_read, sent_write = os.pipe()
    result = b"x" * 500_000  # several times the usual 64 KB a pipe holds

    def work(partner):
        partner.send(result)
        os.write(sent_write, b"!")  # the send returned

    try:
        with helper(work) as partner:
            returned = select.select([sent_read], [], [], 10)[0]
            assert partner.receive() == result
            assert returned, "the helper was stuck sending until the parent read"
    finally:
        os.close(sent_read)
        os.close(sent_write)


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
