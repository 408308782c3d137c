"""Placeholder until the linked-data pages land (owned by the pages work)."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Filled in by the pages work."""
