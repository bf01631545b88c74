from __future__ import annotations

import pytest

from tests.support.corpus import Scenario, scenarios, shared_dir


@pytest.fixture(scope="session")
def corpus() -> list[Scenario]:
    """The dev scenarios of ../shared/corpus; the test is skipped when ../shared is absent."""
    if shared_dir() is None:
        pytest.skip("../shared is absent (a user's clone): corpus tests skipped")
    return scenarios("dev")
