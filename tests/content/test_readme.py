"""The README and docs/ tell the truth: their example outputs and rule table match the real tool, and the
README stays a two-minute read."""

from __future__ import annotations

import importlib.util
import re

from conftest import REPO

SCRIPT = REPO / "scripts" / "readme.py"


def _script():
    spec = importlib.util.spec_from_file_location("readme_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOCS = REPO / "docs"


def test_readme_examples_and_rules_are_current():
    module = _script()
    for page in module.PAGES:
        text = page.read_text(encoding="utf-8")
        assert module.render(text) == text, f"stale {page.name}: run `python scripts/readme.py`"


def test_readme_is_short_and_links_every_page_of_docs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 10 * 1024
    assert readme.count("```sh") == 2  # the two set-up commands
    for page in DOCS.glob("*.md"):
        assert f"(docs/{page.name})" in readme, page.name
    assert readme.count("<!-- example:") == 6  # six questions with their real output


def test_every_rule_is_documented():
    readme = (DOCS / "validate.md").read_text(encoding="utf-8")
    module = _script()
    for name in [r.name for r in module.RULES]:
        assert f"`{name}`" in readme, name


def _screenshots():
    spec = importlib.util.spec_from_file_location("screenshots_script", REPO / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_pictured_command_still_runs_and_is_shown():
    module = _screenshots()
    readme = "".join(page.read_text(encoding="utf-8") for page in DOCS.glob("*.md"))
    for name, (args, expected) in module.SHOTS.items():
        output, code = module.run(args)
        assert code == expected, (args, output)
        assert output.strip()
        assert f"images/{name}.svg" in readme
        assert (REPO / "docs" / "images" / f"{name}.svg").is_file()


def test_images_are_short():
    for image in (REPO / "docs" / "images").glob("*.svg"):
        match = re.search(r'viewBox="0 0 [\d.]+ ([\d.]+)"', image.read_text(encoding="utf-8"))
        assert match and float(match.group(1)) <= 1100, image.name


def test_the_conventions_checklist_has_22_items_all_met():
    section = (DOCS / "conventions.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+) \| [^|]+ \| (.+) \|$", section, re.M)
    assert [int(n) for n, _ in rows] == list(range(1, 23))
    assert all(how.strip() and "not" != how.split()[0] for _, how in rows)


def test_benchmark_figures_live_in_docs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/speed.md" in readme and "median ms" not in readme
    assert "median ms" in (REPO / "docs" / "speed.md").read_text(encoding="utf-8")
