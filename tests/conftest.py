"""Shared fixtures: the project's story configuration, a small crafted one, and paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import load_config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def project_config():
    """The story: the project's own timeline.yaml."""
    return load_config(ROOT / "timeline.yaml")


@pytest.fixture(scope="session")
def mini_config():
    """A small crafted configuration for unit tests that must not depend on the story file."""
    return load_config(FIXTURES / "mini.yaml")
