"""Shared helpers: build a site into a temporary folder and read what it says."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from builder.build import BuildOptions, build

PROJECT = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"


@pytest.fixture(scope="session", autouse=True)
def cache_outside_the_fixtures(tmp_path_factory):
    """Command-line builds keep their quotation groups in a folder of the test session's,
    never in the fixture sites (their default, .cache in the site, is in the repo)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BUILDER_CACHE_DIR", str(tmp_path_factory.mktemp("builder-cache")))
        yield


def run_builder(*arguments: str, cwd: Path = PROJECT, timeout: float = 120,
                env_overrides: dict[str, str] | None = None,
                **kwargs) -> subprocess.CompletedProcess:
    """The builder's command line, exactly as an editor runs it."""
    environment = dict(os.environ, PYTHONPATH=str(PROJECT), **(env_overrides or {}))
    return subprocess.run([sys.executable, "-m", "builder", *arguments], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, env=environment,
                          **kwargs)


def copy_site(name: str, destination: Path) -> Path:
    """A fixture site (tests/sites/<name>, or "shipped" for the repo's own) to edit freely."""
    target = destination / name
    if name == "shipped":
        target.mkdir()
        for part in ("site.yml", "content", "seeds"):
            source = PROJECT / part
            if source.is_dir():
                shutil.copytree(source, target / part)
            else:
                shutil.copy2(source, target / part)
    else:
        shutil.copytree(SITES / name, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file (which must hold it) with `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def read_html(out: Path, url_path: str) -> BeautifulSoup:
    """The page at a site-relative URL path ('claims/x/'), parsed."""
    file = out / (url_path + "index.html" if url_path == "" or url_path.endswith("/") else url_path)
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory) -> Path:
    """The shipped example site, built once for the whole test session."""
    out = tmp_path_factory.mktemp("shipped") / "_site"
    build(BuildOptions(str(PROJECT), str(out)))
    return out


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """The shipped seed articles by stem, decoded as the builder decodes them."""
    return {path.stem: path.read_bytes().decode("utf-8")
            for path in sorted((PROJECT / "seeds").glob("*.txt"))}


@contextmanager
def in_a_real_browser(shipped_build, tmp_path, mount: str = "factcheck"):
    """Chromium, and a built site (the shipped one) served over HTTP at /<mount>/ (its base
    path) as Pages serves it."""
    chromium = shutil.which("chromium")
    if not chromium:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    site_root = tmp_path / "root"
    shutil.copytree(shipped_build, site_root / mount)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler,
                                                           directory=str(site_root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"])
            try:
                yield browser, f"http://127.0.0.1:{server.server_port}/{mount}/"
            finally:
                browser.close()
    finally:
        server.shutdown()
