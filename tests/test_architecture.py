"""The shape of the code: no import cycles between Dateline's modules; the default path needs no [ml] extra."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "dateline"


def _module_graph(root: Path = ROOT) -> dict[str, set[str]]:
    """Module-level imports between the modules of the package at `root`, sub-packages included, relative imports
    resolved (imports inside functions are deliberate late loads)."""
    mods: dict[str, Path] = {}
    for f in root.rglob("*.py"):
        parts = f.relative_to(root.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        mods[name] = f
    graph: dict[str, set[str]] = {m: set() for m in mods}
    for name, f in mods.items():
        package = name.split(".") if f.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.parse(f.read_text(encoding="utf-8")).body:
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                targets = [module] + [f"{module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name] |= {t for t in targets if t in mods and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    state: dict[str, int] = {}
    found: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                found.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, path)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_no_import_cycles_between_modules() -> None:
    graph = _module_graph()
    assert "dateline.pipeline" in graph and "dateline.model" in graph["dateline.pipeline"]
    assert _cycles(graph) == []


def test_sub_packages_and_relative_imports_are_in_the_graph(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from pkg.sub import run\n")
    (pkg / "sub" / "__init__.py").write_text("from ._a import run\n")
    (pkg / "sub" / "_a.py").write_text("from . import _b\nrun = 1\n")
    (pkg / "sub" / "_b.py").write_text("from .. import sub\nfrom ._a import run\n")
    graph = _module_graph(pkg)
    assert graph["pkg.sub"] == {"pkg.sub._a"} and graph["pkg.sub._a"] == {"pkg.sub", "pkg.sub._b"}
    assert ["pkg.sub._a", "pkg.sub._b", "pkg.sub._a"] in _cycles(graph)


def test_the_events_package_is_layered() -> None:
    """dateline.events: private modules, each importing only those below it; only __init__ imports them all."""
    graph = _module_graph()
    subs = sorted(m for m in graph if m.startswith("dateline.events._"))
    assert "dateline.events._lexicon" in subs and graph["dateline.events._lexicon"] <= {"dateline.model"}
    assert all("dateline.events" not in graph[m] for m in subs)  # never back up to the package
    assert set(subs) <= graph["dateline.events"] | {m for s in subs for m in graph[s]}


def test_the_places_package_is_layered() -> None:
    """dateline.places: private modules of at most 1,000 lines, each importing only those below it; the lowest
    (`_names`, `_cands`) import no other Dateline module; recognition never reaches into resolution."""
    graph = _module_graph()
    subs = sorted(m for m in graph if m.startswith("dateline.places._"))
    assert {f"dateline.places.{m}" for m in ("_gazetteer", "_recognition", "_resolution")} <= set(subs)
    assert graph["dateline.places._names"] == set() and graph["dateline.places._cands"] == set()
    assert all("dateline.places" not in graph[m] for m in subs)  # never back up to the package
    assert set(subs) <= graph["dateline.places"] | {m for s in subs for m in graph[s]}
    assert "dateline.places._resolution" not in graph["dateline.places._recognition"]
    for m in subs:
        lines = (ROOT.parent / (m.replace(".", "/") + ".py")).read_text(encoding="utf-8").count("\n")
        assert lines <= 1000, (m, lines)


def test_the_actors_package_is_layered() -> None:
    """dateline.actors: private modules of at most 1,000 lines in layers, each importing only the layers below it;
    the lowest (`_words`) imports no other Dateline module; only `_lexicon` reads the lexicon rows (`_rows`), so the
    eval suite's cross-validation, which patches `_lexicon._rows`, reaches every reader."""
    graph = _module_graph()
    layers = [
        f"dateline.actors.{m}"
        for m in ("_words", "_lexicon", "_match", "_rules", "_context", "_coding", "_titles", "_resolver")
    ]
    subs = sorted(m for m in graph if m.startswith("dateline.actors._"))
    assert set(layers) <= set(subs)
    assert graph["dateline.actors._words"] == set()
    for k, m in enumerate(layers):
        assert graph[m] - {"dateline.model"} <= set(layers[:k]), (m, graph[m])
    assert all("dateline.actors" not in graph[m] for m in subs)  # never back up to the package
    assert set(subs) <= graph["dateline.actors"] | {m for s in subs for m in graph[s]}
    for m in subs:
        source = (ROOT.parent / (m.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        assert source.count("\n") <= 1000, (m, source.count("\n"))
        names = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
        assert m == "dateline.actors._lexicon" or "_rows" not in names, m


def test_the_data_model_imports_no_other_dateline_module() -> None:
    assert _module_graph()["dateline.model"] == set()


def test_the_default_pipeline_does_not_load_the_optional_encoder() -> None:
    # (thinc itself imports torch when it is installed, so the check is on what only the [ml] extra needs)
    code = (
        "import sys; from dateline.nlp import parse; from dateline.pipeline import process; "
        "process([parse('Troops left Basra on Monday.', '2020-01-06')]); "
        "import dateline.link; "
        "print(sorted(m for m in ('dateline._encoder', 'sentence_transformers') if m in sys.modules))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_EVENTS_MODEL"}  # the default path
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"
