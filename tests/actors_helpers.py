"""Shared helper of the actor-coding tests: (country, sector) of a mention coded context-free."""

from __future__ import annotations

from collections.abc import Callable

from dateline.actors import code_actor

CountrySector = Callable[..., tuple[str | None, str | None]]


def country_sector_at(default_date: str | None = None) -> CountrySector:
    """`code_actor`'s (country, sector) for a mention and its sentence, dated `default_date` unless a call gives
    a date of its own (offices are held on dates)."""

    def cs(
        text: str, context: str | None = None, date: str | None = default_date
    ) -> tuple[str | None, str | None]:
        a = code_actor(text, context, date=date)
        return a.country, a.sector

    return cs
