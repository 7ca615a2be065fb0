"""The GitHub Pages workflow, read as YAML: what it must do for the site to go online."""
import yaml

from conftest import PROJECT, read_html
from publishing import build

WORKFLOW = PROJECT / ".github/workflows/pages.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job["steps"]


def uses(job: dict, action: str) -> dict:
    found = [step for step in steps(job) if step.get("uses", "").startswith(action + "@")]
    assert len(found) == 1, action
    return found[0]


def test_it_runs_on_push_to_main_with_pages_permissions_one_at_a_time():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert flow["permissions"]["pages"] == "write"
    assert flow["permissions"]["id-token"] == "write"
    assert flow["concurrency"]["group"] == "pages"


def test_it_tests_then_builds_for_the_address_pages_reports():
    build_job = workflow()["jobs"]["build"]
    pages = uses(build_job, "actions/configure-pages")
    runs = [step for step in steps(build_job) if "run" in step]
    assert runs[0]["run"].strip() == "make test"
    build_step = runs[1]
    assert "make build BASE_URL=" in build_step["run"]
    assert build_step["env"]["PAGES_BASE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert '"$PAGES_BASE_URL"' in build_step["run"]
    order = [step.get("uses", step.get("run", "")).split("@")[0] for step in steps(build_job)]
    assert order.index("actions/configure-pages") < order.index("make test")
    assert uses(build_job, "actions/upload-pages-artifact")["with"]["path"] == "_site"


def test_it_deploys_the_uploaded_site_after_the_build():
    deploy = workflow()["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert uses(deploy, "actions/deploy-pages")["id"] == "deployment"


def test_the_base_url_pages_reports_overrides_site_yml(tmp_path):
    # configure-pages reports the address without a trailing slash.
    out = build(PROJECT, tmp_path / "_site", "--base-url", "https://someone.github.io/repo")
    home = read_html(out, "")
    assert home.find("link", rel="canonical")["href"] == "https://someone.github.io/repo/"
    assert home.find("link", rel="stylesheet")["href"] == "/repo/static/style.css"
    assert all(a["href"].startswith(("/repo/", "http", "mailto:", "#"))
               for a in home.find_all("a", href=True))


def test_the_deploying_guide_covers_every_step():
    guide = (PROJECT / "docs/deploying.md").read_text(encoding="utf-8")
    for needed in ("Fork", "Source", "GitHub Actions", "Custom domain", "CNAME", "base_url",
                   "Enforce HTTPS"):
        assert needed in guide, needed
