"""Batch work without the cyclic garbage collector's pauses, and on a second core.

Extracting and grouping a corpus allocates hundreds of thousands of small tuples that
live until the work is done and form no reference cycles; the collector would walk them
again and again, a third of the run on a large corpus, to free nothing. Reference
counting still frees everything as usual, and the collector's state is restored after.

A large batch can also hand part of its work to a forked copy of the process (`helper`):
the copy starts with everything already in memory, so only what it sends back, kept
compact, is ever pickled. Forking is done only where it is safe and pays: a platform that
has it, more than one core to run on, and a single thread (a forked copy of a threaded
process could inherit a lock held by another thread). Otherwise, or if the copy fails,
the caller does all the work itself, with the same result.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Any, BinaryIO, Callable, Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class HelperFailed(Exception):
    """The forked helper died or could not be reached; do its share here instead."""


class Partner:
    """One end of the conversation between a process and its forked helper."""

    def __init__(self, reader: BinaryIO, writer: BinaryIO):
        self._reader, self._writer = reader, writer

    def send(self, value: Any) -> None:
        try:
            pickle.dump(value, self._writer, protocol=pickle.HIGHEST_PROTOCOL)
            self._writer.flush()
        except (OSError, pickle.PicklingError) as error:
            raise HelperFailed(error) from error

    def receive(self) -> Any:
        try:
            found = pickle.load(self._reader)
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            raise HelperFailed(error) from error
        if isinstance(found, _Failure):
            raise HelperFailed(found.reason)
        return found

    def close(self) -> None:
        for stream in (self._reader, self._writer):
            try:
                stream.close()
            except OSError:
                pass


class _Failure:
    """Sent instead of a result when the helper's work raised."""

    def __init__(self, reason: str):
        self.reason = reason


def cores() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return (hasattr(os, "fork") and cores() > 1 and threading.active_count() == 1
            and os.environ.get("BUILDER_NO_FORK", "") in ("", "0"))


PIPE_BYTES = 1 << 20


def _widen(pipe: int) -> None:
    """Let a writer run up to a megabyte ahead of its reader, where the system allows.
    With the usual 64 KB, a helper sending a large result stops until the other side,
    still busy with its own share, reads it: measured, a tenth of a second lost."""
    try:
        import fcntl
        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


@contextmanager
def helper(work: Callable[[Partner], None]) -> Iterator[Partner | None]:
    """Run `work(partner)` in a forked copy of this process; yields this side's
    Partner, or None when there is to be no helper (see `can_fork`). `work` talks to
    this process through its own Partner; an exception in it reaches this side as
    HelperFailed from `receive`. The copy never returns into the caller's code."""
    if not can_fork():
        yield None
        return
    down_read, down_write = os.pipe()  # to the helper
    up_read, up_write = os.pipe()      # back from it
    for pipe in (down_write, up_write):
        _widen(pipe)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the helper
        code = 1
        try:
            os.close(down_write)
            os.close(up_read)
            partner = Partner(os.fdopen(down_read, "rb"), os.fdopen(up_write, "wb"))
            try:
                work(partner)
            except Exception as error:  # tell the parent, which will do the work itself
                partner.send(_Failure(repr(error)))
            partner.close()
            code = 0
        finally:
            os._exit(code)  # never run the parent's cleanup (or its tests) a second time
    os.close(down_read)
    os.close(up_write)
    partner = Partner(os.fdopen(up_read, "rb"), os.fdopen(down_write, "wb"))
    try:
        yield partner
    except BaseException:
        # Interrupted, or failing: the helper's work is of no use now, and it writes
        # nothing anywhere, so it is stopped at once rather than waited for.
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        partner.close()
        os.waitpid(pid, 0)
