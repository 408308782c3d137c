"""Vendored browser assets: ``python -m kgpub.web.assets`` copies YASGUI from ``node_modules/``.

``make install`` runs ``npm ci`` (the versions pinned in package-lock.json) and then this module, which
copies the built files into ``kgpub/web/static/vendor/`` with a ``VERSIONS.json`` (name, version,
licence, sha256 of each file). The pages load them from there: never from a CDN. Without them the
query page still works as a plain HTML form.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

from ..config import PROJECT_ROOT
from ..errors import SourceError

VENDOR_DIR = Path(__file__).with_name("static") / "vendor"
#: package → the built files the pages use (relative to the package folder).
PACKAGES: dict[str, tuple[str, ...]] = {
    "@zazuko/yasgui": ("build/yasgui.min.js", "build/yasgui.min.css"),
}
YASGUI_FILES = ("yasgui/yasgui.min.js", "yasgui/yasgui.min.css")


def available(vendor_dir: Path = VENDOR_DIR) -> bool:
    """Whether the YASGUI files are in place (the query page falls back to its form if not)."""
    return all((vendor_dir / name).is_file() for name in YASGUI_FILES)


def vendor(node_modules: Path, vendor_dir: Path = VENDOR_DIR) -> dict[str, dict[str, object]]:
    """Copy the built files of each package; returns what was copied (also written to VERSIONS.json)."""
    copied: dict[str, dict[str, object]] = {}
    for package, files in PACKAGES.items():
        source = node_modules / package
        meta = _package_json(source)
        target = vendor_dir / package.rsplit("/", 1)[-1]
        target.mkdir(parents=True, exist_ok=True)
        sums = {}
        for name in files:
            src = source / name
            if not src.is_file():
                raise SourceError(f"{src} is missing: run `npm ci` first")
            shutil.copyfile(src, target / src.name)
            sums[src.name] = hashlib.sha256(src.read_bytes()).hexdigest()
        copied[package] = {"version": meta.get("version"), "license": meta.get("license"), "sha256": sums}
    (vendor_dir / "VERSIONS.json").write_text(json.dumps(copied, indent=1, sort_keys=True) + "\n")
    return copied


def _package_json(folder: Path) -> dict[str, object]:
    try:
        data: dict[str, object] = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SourceError(f"{folder}: no readable package.json ({exc}); run `npm ci` first") from exc
    return data


def main() -> int:
    try:
        copied = vendor(PROJECT_ROOT / "node_modules")
    except SourceError as exc:
        print(f"kgpub.web.assets: {exc}", file=sys.stderr)
        return 3
    for package, info in copied.items():
        print(f"vendored {package} {info['version']} into {VENDOR_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
