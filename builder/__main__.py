"""Command line: `python -m builder build|check|serve|new-claim`. Thin: it parses, calls,
reports."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback

from . import scaffold
from .build import BuildOptions, build, make_site
from .errors import ContentError, counted, display_path
from .output import UnsafeOutput
from .schema import base_url_problem

EXIT_CONTENT, EXIT_USAGE, EXIT_BUG = 1, 2, 3
CACHE_VARIABLE = "BUILDER_CACHE_DIR"  # where quotation groups are kept, unless --cache-dir says


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m builder",
                                  description="Build a fact-check microsite from YAML claims.")
    commands = top.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="build the site into --out")
    _site_option(build_command)
    build_command.add_argument("--out", default="_site",
                               help="output folder (default: _site in the current folder, "
                                    "whatever --site is)")
    build_command.add_argument("--base-url", help="absolute URL the site is served at; "
                                                  "overrides site.yml")
    build_command.add_argument("--timings", action="store_true",
                               help="also say how long each stage of the build took")
    _drafts_option(build_command)
    _cache_options(build_command)
    check_command = commands.add_parser(
        "check", help="everything a build checks, links between its pages too; writes no site")
    _site_option(check_command)
    _drafts_option(check_command)
    _cache_options(check_command)
    serve_command = commands.add_parser("serve", help="build and preview with live reload")
    _site_option(serve_command)
    serve_command.add_argument("--port", type=_port, default=8000,
                               help="the port to serve on, 1 to 65535 (default: 8000)")
    serve_command.add_argument("--host", default="127.0.0.1")
    _cache_options(serve_command)
    new_command = commands.add_parser(
        "new-claim", help="start content/claims/<id>.yml, from a quotation group if given")
    new_command.add_argument("id", help="the claim's id: its file name, and its URL")
    new_command.add_argument("--from", dest="group", metavar="GROUP",
                             help="a quotation group's id (its anchor on /consistency/): "
                                  "the claim starts with its speaker and passages")
    _site_option(new_command)
    _cache_options(new_command)
    return top


def _site_option(command) -> None:
    command.add_argument("--site", default=".", help="folder holding site.yml, content/ and "
                                                     "seeds/ (default: this folder)")


def _drafts_option(command) -> None:
    command.add_argument("--drafts", action="store_true",
                         help="build the claims marked draft: true too, as the preview does")


def _cache_options(command) -> None:
    command.add_argument("--cache-dir", help="where quotation groups are kept between builds "
                                             f"(default: ${CACHE_VARIABLE}, else .cache in "
                                             "the site folder)")
    command.add_argument("--no-cache", action="store_true",
                         help="find the quotation groups anew, and keep nothing")


def cache_dir(arguments) -> str | None:
    if arguments.no_cache:
        return None
    return (arguments.cache_dir or os.environ.get(CACHE_VARIABLE)
            or os.path.join(arguments.site, ".cache"))


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 1 to 65535")
    return int(text)


def main(argv=None) -> int:
    command_line = parser()
    arguments = command_line.parse_args(argv)
    if not os.path.isdir(arguments.site):
        command_line.error(f"--site {arguments.site}: no such folder (it should hold site.yml, "
                           "content/ and seeds/)")
    base_url = getattr(arguments, "base_url", None)
    if base_url is not None and base_url_problem(base_url):
        command_line.error(f"--base-url {base_url_problem(base_url)}")
    # Ctrl-C (SIGINT) and SIGTERM stop any command cleanly. A shell starts a background
    # job (`make serve &`) with SIGINT ignored, and Python then leaves it ignored: a
    # script's `kill -INT` would do nothing. It is a request to stop, so it is heard.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        return COMMANDS[arguments.command](arguments)
    except ContentError as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        errors = sum(1 for p in failure.problems if not p.is_warning)
        written = "" if arguments.command == "check" else "; nothing was written"
        print(f"{counted(errors, 'error')}{written}", file=sys.stderr)
        return EXIT_CONTENT
    except (UnsafeOutput, scaffold.Refused) as refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; the output folder holds a whole site, never half of one",
              file=sys.stderr)
        return 130
    except OSError as failure:  # the machine, not the content: a full disk, a permission
        where = f": {failure.filename}" if failure.filename else ""
        print(f"error: {failure.strerror or failure}{where}", file=sys.stderr)
        return EXIT_CONTENT
    except Exception:  # an internal bug: say so plainly, never blame the content
        traceback.print_exc()
        print("internal error in the builder (this is a bug, not a problem with your content); "
              "please report it with the output above", file=sys.stderr)
        return EXIT_BUG


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def run_build(arguments) -> int:
    report = build(BuildOptions(arguments.site, arguments.out, arguments.base_url,
                                cache_dir(arguments), arguments.drafts))
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    print(report.summary())
    if arguments.timings:
        print(report.timings())
    return 0


def run_check(arguments) -> int:
    made = make_site(BuildOptions(arguments.site, cache_dir=cache_dir(arguments),
                                  drafts=arguments.drafts))
    for problem in made.warnings:
        print(problem, file=sys.stderr)
    content = made.checked.content
    left_out = made.checked.drafts_left_out
    drafts = f" ({counted(left_out, 'draft')} left out)" if left_out else ""
    print(f"OK: {len(content.claims)} claims{drafts}, {len(content.sources)} sources, "
          f"{len(made.checked.anchored)} quotes anchored, "
          f"{counted(len(made.warnings), 'warning')}")
    return 0


def run_serve(arguments) -> int:
    from .serve import serve
    return serve(arguments, cache_dir(arguments))


def run_new_claim(arguments) -> int:
    path = scaffold.new_claim(arguments.site, arguments.id, arguments.group, cache_dir(arguments))
    check_command = "make check" + ("" if os.path.samefile(arguments.site, ".")
                                    else f" SITE={arguments.site}")
    print(f"Started {display_path(path)} as a draft (make build leaves it out until you "
          f"remove its draft: true line): write what is still empty, then `{check_command}`")
    return 0


COMMANDS = {"build": run_build, "check": run_check, "serve": run_serve,
            "new-claim": run_new_claim}

if __name__ == "__main__":
    sys.exit(main())
