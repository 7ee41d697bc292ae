"""``pyproject.toml`` declares every package whose code runs: ours directly, and what
the readers pull in at run time through the declared ones (trafilatura's fallback
for pages with little text imports ``lxml.html.clean``, which lives in
``lxml_html_clean``, a package no dependency declares any more)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "loaders", "app")

# Every reader, run for real on a small input of each kind, in a clean interpreter;
# the HTML page has too little text for trafilatura's main extractor, so its
# jusText fallback (which imports lxml.html.clean) runs.
READ_ALL = r"""
import json, pathlib, sys, tempfile
import lxml.html.clean  # the fallback's import, directly
from loaders.read import read_inputs
d = pathlib.Path(tempfile.mkdtemp())
(d / "short.html").write_text("<html><body><div><p>The mayor said the old bridge would "
    "reopen on Monday.</p></div></body></html>")
(d / "a.txt").write_text("Officials said it rained.")
(d / "b.jsonl").write_text('{"text": "A pilot said the fog lifted."}\n')
(d / "c.csv").write_text('text\n"A guard said the gate was shut."\n')
(d / "e.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
    '<item><title>A</title><description>Divers said so.</description></item></channel></rss>')
out = [getattr(x, "text", None) or str(x) for x in read_inputs([str(d)])]
print(json.dumps({"read": out, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_canon(Requirement(r).name) for r in project["dependencies"]}


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _closure(names: set[str]) -> set[str]:
    """The declared distributions and everything they require, not through extras:
    whether ``lxml[html_clean]`` brings ``lxml_html_clean`` depends on the installer
    (pip before PEP 685 does not match it to lxml's ``html-clean`` extra), so what
    runs must not depend on an extra of somebody else's package."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue
        for raw in reqs:
            req = Requirement(raw)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(_canon(req.name))
    return seen


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    owners = packages_distributions()
    return {m: {_canon(d) for d in owners[m]} for m in modules if m in owners}


def _our_imports() -> set[str]:
    found: set[str] = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(a.name.split(".")[0] for a in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found - set(PACKAGES) - set(sys.stdlib_module_names)


def test_every_package_our_code_imports_is_declared_directly() -> None:
    declared = _declared()
    missing = {
        module: owners
        for module, owners in _distributions(_our_imports()).items()
        if not owners & declared
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_readers_run_with_only_what_the_declared_packages_bring() -> None:
    done = subprocess.run(
        [sys.executable, "-c", READ_ALL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["read"][0] == "Officials said it rained."
    assert "The mayor said the old bridge would reopen on Monday." in result["read"]
    assert len(result["read"]) == 5, result["read"]
    assert "justext" in result["modules"] and "lxml_html_clean" in result["modules"]
    available = _closure(_declared())
    undeclared = {
        module: owners
        for module, owners in _distributions(set(result["modules"])).items()
        if not owners & available and module not in PACKAGES
    }
    assert not undeclared, f"ran, but nothing in pyproject.toml brings it: {undeclared}"
