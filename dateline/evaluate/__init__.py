"""Evaluation suites: `dateline eval <suite> [--split dev|test|all]`.

Each suite is a module here that registers one function with `@suite(name)`.
The function takes the split name and the shared data folder and returns a
dict of results (numbers, counts, nested tables) which the CLI prints and can
write as JSON. Suites read ../shared/data and raise `DataMissing` with a clear
message when it is absent.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

SuiteFn = Callable[[str, Path], dict[str, Any]]
SUITES: dict[str, SuiteFn] = {}


class DataMissing(RuntimeError):
    """The shared evaluation data is not where we looked."""


def suite(name: str) -> Callable[[SuiteFn], SuiteFn]:
    def register(fn: SuiteFn) -> SuiteFn:
        SUITES[name] = fn
        return fn

    return register


def data_dir() -> Path:
    """Where ../shared/data is: $DATELINE_DATA, else ../shared/data from the cwd or from the repository."""
    candidates = []
    if os.environ.get("DATELINE_DATA"):
        candidates.append(Path(os.environ["DATELINE_DATA"]))
    candidates.append(Path.cwd().parent / "shared" / "data")
    candidates.append(Path(__file__).resolve().parents[2].parent / "shared" / "data")
    for c in candidates:
        if c.is_dir():
            return c
    raise DataMissing(
        "shared evaluation data not found: looked in "
        + ", ".join(str(c) for c in candidates)
        + " (set DATELINE_DATA to the folder holding plover-gsr/, timex/, ...)"
    )


def require(path: Path) -> Path:
    if not path.exists():
        raise DataMissing(f"evaluation data missing: {path}")
    return path


DEMO_ARTICLES = Path(__file__).resolve().parents[1] / "demo" / "articles"


def demo_documents() -> list[Any]:
    """The bundled demo corpus read and cleaned (no NLP), ids "demo/<file name>"; unreadable files skipped."""
    from dateline.clean import to_document
    from dateline.model import Failure
    from dateline.read import read

    out = []
    for item in read([str(DEMO_ARTICLES)]):
        if isinstance(item, Failure):
            continue
        try:
            doc = to_document(item)
        except ValueError:  # no article text in it
            continue
        doc.id = f"demo/{Path(item.source).name}"
        out.append(doc)
    return out


def load_all() -> dict[str, SuiteFn]:
    """Import every suite module so that it registers itself."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return SUITES


def prf(tp: float, fp: float, fn: float) -> dict[str, float]:
    """Precision, recall and F1 from counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
