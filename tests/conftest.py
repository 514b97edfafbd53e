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
