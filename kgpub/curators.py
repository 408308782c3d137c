"""The curators file: who may record review verdicts in the browser, with only a hash of each password.

The operator keeps it (``kgpub curator add NAME``); it lives outside the published tree (default
``var/curators.json``, setting ``KGPUB_CURATORS_FILE``) and is written atomically with mode 0600. The
format is a JSON object ``{"curators": {"NAME": "<werkzeug hash>"}}``; the hash is werkzeug's
``scrypt`` (salted, its parameters inside the string), so a leaked file does not give the passwords.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from .errors import InputError

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
#: Checked when a name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY = generate_password_hash("not a password", method="scrypt")


def load(path: Path) -> dict[str, str]:
    """Name → password hash; an absent file is no curators (nobody can sign in)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise InputError(f"{path}: cannot read the curators file: {exc.strerror}") from exc
    try:
        data = json.loads(raw)
        curators = data["curators"]
        if not isinstance(curators, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in curators.items()
        ):
            raise TypeError("'curators' must map names to hashes")
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            f"{path}: not a curators file ({exc}); recreate it with `kgpub curator add`"
        ) from exc
    return dict(curators)


def _save(path: Path, curators: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"curators": dict(sorted(curators.items()))}, out, indent=1)
        out.write("\n")
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise InputError(
            f"curator name {name!r}: use 1–64 letters, digits and . _ @ - (starting with a letter or digit)"
        )
    return name


def add(path: Path, name: str, password: str, *, min_length: int) -> bool:
    """Store ``name`` with a hash of ``password``; returns whether an existing curator was replaced."""
    check_name(name)
    if len(password) < min_length:
        raise InputError(f"the password must have at least {min_length} characters")
    curators = load(path)
    replaced = name in curators
    curators[name] = generate_password_hash(password, method="scrypt")
    _save(path, curators)
    return replaced


def remove(path: Path, name: str) -> None:
    curators = load(path)
    if name not in curators:
        raise InputError(f"{path}: no curator named {name!r}")
    del curators[name]
    _save(path, curators)


def verify(path: Path, name: str, password: str) -> bool:
    """Whether ``name`` is a curator with this password (an unknown name costs a hash check too)."""
    stored = load(path).get(name)
    ok = check_password_hash(stored or _DUMMY, password)
    return ok and stored is not None
