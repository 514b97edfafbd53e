from __future__ import annotations

import pytest

from dateline.evaluate import DataMissing, data_dir


@pytest.fixture(scope="session")
def shared_data():
    """The ../shared/data folder, or skip with a clear message."""
    try:
        return data_dir()
    except DataMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def wide_console():
    """rich wraps at 80 columns off a terminal: keep each CLI message on one line, for tests that match them."""
    import dateline.cli

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dateline.cli.err, "_width", 400)
        mp.setattr(dateline.cli.console, "_width", 400)
        yield
