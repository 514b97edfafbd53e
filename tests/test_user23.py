"""A new user's audit of the documented commands (session 23): ids copied from a table work as printed, a
reversed date range is a usage error, and an empty answer says why on stderr while stdout stays a valid document.

Every store here is built directly (no spaCy), so the tests are fast. Texts are invented for these tests.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result

from dateline.cli import main
from dateline.model import Document, Quote
from dateline.store import Store

# (id, text, quoted words, speaker): two articles whose ids share a 4-character prefix, one other
DOCS = (
    ("c0ffee11aa22bb33", 'The harbour master said "the cranes will be repaired by June" on Monday.',
     "the cranes will be repaired by June", "The harbour master"),
    ("c0ffee99dd88ee77", 'A union leader said "nobody was detained during the march" after the rally.',
     "nobody was detained during the march", "A union leader"),
    ("5eed5eed01020304", "The two ministers met in Lima on Tuesday to discuss a shared fishing zone.", None, None),
)  # fmt: skip


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _no_traceback(res: Result) -> None:
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("user23") / "u.db"
    store = Store(path)
    for i, (doc_id, text, said, speaker) in enumerate(DOCS):
        doc = Document(id=doc_id, text=text, content_hash=f"h{i}", status="processed", title=text[:30],
                       published=f"2021-03-0{i + 1}", outlet="Test Wire")  # fmt: skip
        if said:
            s = text.index(said)
            doc.quotes.append(Quote(id=f"{doc_id}-q", doc_id=doc_id, content=said, start=s, end=s + len(said),
                                    direct=True, cue="said", speaker=speaker, speaker_text=speaker,
                                    speaker_start=0, speaker_end=len(speaker), speaker_kind="person"))  # fmt: skip
        store.add(doc, f"src{i}", f"raw{i}")
    store.db.execute(
        "INSERT INTO stories (id, title, first_date, last_date, day_last, documents, data) VALUES (?,?,?,?,?,?,?)",
        ("s0123456789abcdef", "Harbour cranes", "2021-03-01", "2021-03-03", 0, 2,
         json.dumps({"actors": ["Harbour master"], "terms": ["harbour", "cranes"]})),
    )  # fmt: skip
    store.db.commit()
    store.close()
    return str(path)


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("user23e") / "e.db"
    Store(path).close()
    return str(path)


@pytest.mark.parametrize(
    ("prefix", "says"),
    [("c0ffee11", "the cranes will be repaired"), ("c0ffee9", "nobody was detained")],
)
def test_quotes_doc_takes_a_unique_id_prefix_like_show(db, prefix, says, monkeypatch):
    import dateline.cli

    monkeypatch.setattr(dateline.cli.console, "_width", 400)  # one table row per quote
    res = _invoke("quotes", "--doc", prefix, "--db", db)
    assert res.exit_code == 0, res.output
    assert says in " ".join(res.stdout.split())
    other = "nobody was detained" if "cranes" in says else "the cranes will"
    assert other not in " ".join(res.stdout.split())


@pytest.mark.parametrize(
    ("prefix", "says"),
    [
        ("c0ffee", "2 documents have ids starting with 'c0ffee'"),
        ("c0f", "no document 'c0f'"),  # too short to be a prefix
        ("c0%f", "no document 'c0%f'"),  # LIKE wildcards are literal
        ("c0ff_e", "no document 'c0ff_e'"),
    ],
)
def test_quotes_doc_that_is_ambiguous_or_unknown_is_one_clear_line(db, prefix, says):
    res = _invoke("quotes", "--doc", prefix, "--db", db)
    _no_traceback(res)
    assert res.exit_code == 1 and says in res.output


def test_quotes_of_a_document_without_any_say_which_document(db):
    res = _invoke("quotes", "--doc", "5eed5eed", "--db", db)
    assert res.exit_code == 0 and "no quotations stored in document 5eed5eed01020304" in res.stderr


@pytest.mark.parametrize(
    ("command", "full_id"),
    [
        (("docs",), "c0ffee11aa22bb33"),
        (("search", "cranes"), "c0ffee11aa22bb33"),
        (("stories",), "s0123456789abcdef"),
    ],
)
def test_ids_in_tables_are_never_folded_so_they_can_be_copied(db, command, full_id):
    res = _invoke(*command, "--db", db)  # off a terminal rich renders at 80 columns, where ids used to fold
    assert res.exit_code == 0, res.output
    assert any(full_id in line for line in res.stdout.splitlines()), res.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--since", "2020-01-05", "--until", "2020-01-01"),
        ("events", "--since", "2021", "--until", "2020-06"),
        ("timeline", "--since", "2020-02", "--until", "2020-01-31"),
        ("timeline", "--summary", "--since", "2019-12-02", "--until", "2019-12-01"),
    ],
)
def test_a_reversed_date_range_is_a_usage_error(db, args):
    res = _invoke(*args, "--db", db)
    _no_traceback(res)
    assert res.exit_code == 2 and "is after --until" in res.output


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--since", "2020-01-05", "--until", "2020-01"),  # January 5 to 31
        ("timeline", "--since", "2020-01", "--until", "2020-01-01"),
        ("events", "--since", "2020-03-01", "--until", "2020-03-01"),
    ],
)
def test_ranges_of_mixed_precision_that_overlap_are_accepted(db, args):
    res = _invoke(*args, "--db", db)
    _no_traceback(res)
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("timeline", "--country", "ZZZ"), "no merged events"),
        (("timeline", "--country", "ZZZ", "--format", "json"), "no merged events"),
        (("troops", "--country", "ZZZ", "--format", "csv"), "no troop figures of ZZZ"),
        (("troops", "--country", "GBR", "--in", "ZZZ"), "no troop figures of GBR in ZZZ"),
    ],
)
def test_an_empty_answer_says_so_on_stderr_and_stdout_stays_valid(db, args, says):
    res = _invoke(*args, "--db", db)
    _no_traceback(res)
    assert res.exit_code == 0 and says in res.stderr
    if "json" in args:
        assert json.loads(res.stdout) == []
    if "csv" in args:
        assert res.stdout.splitlines()[0].startswith("date,sender,place")


def test_stories_of_an_empty_database_say_what_to_run(empty_db):
    res = _invoke("stories", "--db", empty_db)
    assert res.exit_code == 0 and "no stories in" in res.stderr and "dateline link" in res.stderr


def test_readme_lists_every_troops_format():
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("dateline troops"))
    for fmt in ("table", "csv", "json"):
        assert fmt in line


@pytest.mark.parametrize(("since", "until"), [("2020-01-05", "2020-01-01"), ("2022", "2021-12")])
def test_python_api_rejects_a_reversed_date_range(db, since, until):
    import dateline

    dl = dateline.open(db)
    with pytest.raises(ValueError, match="is after --until"):
        dl.events_df(since=since, until=until)
    assert dl.events_df(since=until, until=since).empty  # the right order is accepted (no events stored)


@pytest.mark.parametrize("path", ["/api/events", "/api/events/daily"])
def test_the_rest_api_rejects_a_reversed_date_range(db, path):
    from fastapi.testclient import TestClient

    from dateline.serve import create_app

    client = TestClient(create_app(db))
    res = client.get(path, params={"since": "2021-03-05", "until": "2021-03-01"})
    assert res.status_code == 422 and "is after until" in res.json()["detail"]
    assert client.get(path, params={"since": "2021-03-01", "until": "2021-03-05"}).status_code == 200


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("troops", "--country", "ZZZ"), "ZZZ is not an ISO alpha-3 country code"),
        (("troops", "--country", "GBR", "--in", "QQX"), "QQX is not an ISO alpha-3 country code"),
        (("troops", "--country", "gbr", "--in", "irq"), None),  # real codes: no note
    ],
)
def test_an_empty_answer_notes_a_country_code_that_is_not_iso(db, args, hint):
    res = _invoke(*args, "--db", db)
    assert res.exit_code == 0 and "no troop figures" in res.stderr
    assert (hint in res.stderr) if hint else "not an ISO" not in res.stderr


def test_country_hint_is_empty_for_iso_codes_and_no_country():
    from dateline.link.cli import country_hint

    assert country_hint(None) == "" and country_hint("FRA") == "" and country_hint("nzl") == ""
    assert "XYZ is not an ISO" in country_hint("xyz") and "IGO" in country_hint("IGO")
