"""Session 15 actor kinds (our own invented sentences).

A capitalised "... Editorial Board" is a newspaper's board (JRN), not the public body the head word "Board" names
elsewhere ("the Parole Board", session 14)."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("the Editorial Board", "JRN"),
        ("The Valley Gazette Editorial Board", "JRN"),
        ("the Parole Board", "GOV"),
        ("the Securities and Exchange Board", "GOV"),
    ],
)
def test_an_editorial_board_is_the_papers(text: str, sector: str) -> None:
    assert code_actor(text).sector == sector
