"""The ``fi`` fixture: the Finnish rules on a snippet, every evidence span checked."""

from __future__ import annotations

import pytest

from .helpers import Run, run_fi


@pytest.fixture
def fi() -> Run:
    return run_fi
