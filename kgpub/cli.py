"""The ``kgpub`` command: a thin click veneer. Library errors become stderr text plus their exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from . import __version__
from .config import Settings
from .errors import EXIT_CODES, KgpubError

F = TypeVar("F", bound=Callable[..., Any])

EPILOG = "Exit codes: " + "; ".join(f"{code} {text}" for code, text in EXIT_CODES.items())


def translate_errors(func: F) -> F:
    """Turn a KgpubError into a message on stderr and its exit code (the CLI's one translation)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgpubError as exc:
            click.echo(f"kgpub: error: {exc}", err=True)
            report = getattr(exc, "report_text", "")
            if report:
                click.echo(report, err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(epilog=EPILOG)
@click.version_option(__version__, prog_name="kgpub")
@click.pass_context
def main(ctx: click.Context) -> None:
    """kgpub: a knowledge graph of public bodies, built from their own web pages."""
    ctx.obj = Settings.from_env()
