"""``python -m kgpub.evaluate``: how well kgpub's extractor does against the hand-checked facts.

Runs :func:`kgpub.extract.extract` on the seed texts (``SHARED/seeds`` vs ``SHARED/gold``) and on the
development set per version and language (``SHARED/devset/texts/<lang>`` vs ``SHARED/devset/gold/<lang>``;
version 2 is the files named ``v2_*``, version 1 the rest — kept apart because v2 was added to measure
rules on pages they were not written on), and scores the predictions with the shared scorer
``SHARED/tools/score_extraction.py`` — run as its own process, so the numbers here are exactly the
ones anybody else gets from that tool. Writes a Markdown report (between the ``eval`` markers of
``--out`` when it has them, so hand-written documentation around the table survives) and prints the
same tables.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import rule_precision
from .errors import KgpubError
from .extract.language import detect_language
from .generated import write_block
from .model import Extraction
from .sources import Source, source_from_file

Extractor = Callable[[Source], Extraction]
TYPES = ("organizations", "sub_organization_of", "heads", "duties", "sites", "all")
LANGS = ("fi", "sv", "en")
VERSIONS = {"v1": lambda stem: not stem.startswith("v2_"), "v2": lambda stem: stem.startswith("v2_")}


class EvaluationError(KgpubError):
    """The shared material is missing or the scorer failed; exit code 3 (bad input)."""

    exit_code = 3


@dataclass(frozen=True)
class Corpus:
    """Texts and their gold files; ``language`` is what metadata would declare (None: detect).

    ``version`` selects the development-set files of one version ("v1", "v2"); None takes every gold
    file of the folder.
    """

    name: str
    texts: Path
    gold: Path
    language: str | None
    version: str | None = None

    def gold_files(self) -> list[Path]:
        """The gold files of this corpus, sorted by name."""
        keep = VERSIONS[self.version] if self.version else (lambda stem: True)
        return [p for p in sorted(self.gold.glob("*.json")) if keep(p.stem)]


@dataclass
class CorpusResult:
    corpus: Corpus
    total: dict[str, dict[str, Any]]
    documents: dict[str, dict[str, dict[str, Any]]]
    detected: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def corpora(shared: Path) -> list[Corpus]:
    """The seed corpus and one development corpus per version and language that has gold files.

    Version 1 keeps the plain name ``devset/<lang>`` (the name earlier reports used); version 2 is
    ``devset-v2/<lang>``.
    """
    found = [Corpus("seeds", shared / "seeds", shared / "gold", None)]
    for version, prefix in (("v1", "devset"), ("v2", "devset-v2")):
        for lang in LANGS:
            texts, gold = shared / "devset" / "texts" / lang, shared / "devset" / "gold" / lang
            corpus = Corpus(f"{prefix}/{lang}", texts, gold, lang, version)
            if gold.is_dir() and corpus.gold_files():
                found.append(corpus)
    return found


def check_shared(shared: Path) -> Path:
    """The scorer's path, or a clear error naming what is missing."""
    scorer = shared / "tools" / "score_extraction.py"
    missing = [p for p in (shared / "seeds", shared / "gold", scorer) if not p.exists()]
    if missing:
        raise EvaluationError(
            f"shared material not found: {', '.join(str(p) for p in missing)} "
            "(pass --shared with the folder holding seeds/, gold/, devset/ and tools/score_extraction.py)"
        )
    return scorer


def predict(corpus: Corpus, out: Path, extractor: Extractor) -> tuple[dict[str, str], list[str]]:
    """Write one prediction file per gold file; a crash is recorded, and an empty prediction stands."""
    out.mkdir(parents=True, exist_ok=True)
    detected: dict[str, str] = {}
    failures: list[str] = []
    for gold_path in corpus.gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text_path = corpus.texts / str(gold.get("source", gold_path.stem + ".txt"))
        prediction: dict[str, Any] = {}
        try:
            source = source_from_file(text_path, corpus.language)
            detected[gold_path.stem] = detect_language(source.text)
            prediction = extractor(source).to_json()
        except Exception as exc:  # a crash must show up in the report, not stop the other texts
            failures.append(f"{corpus.name}/{gold_path.stem}: {type(exc).__name__}: {exc}")
            traceback.print_exc(file=sys.stderr)
        target = out / gold_path.name
        target.write_text(json.dumps(prediction, ensure_ascii=False, indent=1), encoding="utf-8")
    return detected, failures


def score(scorer: Path, gold: Path | list[Path], predicted: Path) -> dict[str, Any]:
    """Run the shared scorer on two folders and return its JSON answer.

    A list of gold files is linked into a folder of its own first: the scorer reads every ``*.json``
    of the gold folder, and one language folder holds both devset versions.
    """
    if isinstance(gold, list):
        folder = predicted.with_name(predicted.name + "-gold")
        folder.mkdir(parents=True, exist_ok=True)
        for path in gold:
            (folder / path.name).symlink_to(path.resolve())
        gold = folder
    args = [sys.executable, str(scorer), "--dirs", str(gold), str(predicted), "--json"]
    done = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=False)
    if done.returncode != 0:
        raise EvaluationError(f"{scorer} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def evaluate(shared: Path, extractor: Extractor | None = None) -> list[CorpusResult]:
    """Extract and score every corpus under ``shared``."""
    scorer = check_shared(shared)
    if extractor is None:
        from .extract import extract

        extractor = extract
    results = []
    with tempfile.TemporaryDirectory(prefix="kgpub-eval-") as tmp:
        for corpus in corpora(shared):
            out = Path(tmp) / corpus.name.replace("/", "-")
            detected, failures = predict(corpus, out, extractor)
            scored = score(scorer, corpus.gold_files(), out)
            results.append(CorpusResult(corpus, scored["total"], scored["documents"], detected, failures))
    return results


def documents(corpus: Corpus) -> list[tuple[Path, Path, str | None]]:
    """(gold file, text file, declared language) of every document of a corpus."""
    found = []
    for gold_path in corpus.gold_files():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        found.append(
            (gold_path, corpus.texts / str(gold.get("source", gold_path.stem + ".txt")), corpus.language)
        )
    return found


def measure_rules(shared: Path, min_fires: int, floor: float) -> dict[str, Any]:
    """Each rule's precision on every document of every corpus (seeds, devset v1 and v2), as the
    content of ``confidence.json`` (see :mod:`kgpub.rule_precision`)."""
    from .extract import extract

    scorer = rule_precision.load_scorer(check_shared(shared))
    pages = [d for corpus in corpora(shared) for d in documents(corpus)]
    return rule_precision.confidences(rule_precision.measure(pages, scorer, extract), min_fires, floor)


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _figures(v: dict[str, Any]) -> list[object]:
    return [f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["gold"], v["predicted"]]


def _pr(v: dict[str, Any]) -> str:
    return f"{v['precision']:.2f} / {v['recall']:.2f}"


def type_matrix(totals: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """One row per corpus, one ``P / R`` cell per fact type: the figures the targets are stated in."""
    head = ["corpus", *TYPES]
    lines = [_row(head), _row(["---"] * len(head))]
    for name, total in totals.items():
        lines.append(_row([name, *(_pr(total[t]) if t in total else "-" for t in TYPES)]))
    return lines


def baseline_table(results: list[CorpusResult], baseline: dict[str, Any]) -> list[str]:
    """The recorded blind baseline next to today's figures, for each corpus the baseline holds."""
    now = {r.corpus.name: r.total for r in results}
    head = ["corpus", "blind P", "blind R", "blind F1", "now P", "now R", "now F1"]
    lines = [
        f"Blind baseline: recorded {baseline.get('date', '?')} at commit {baseline.get('commit', '?')} "
        f"({baseline.get('note', '')}).",
        "",
        _row(head),
        _row(["---"] * len(head)),
    ]
    for name, total in baseline.get("totals", {}).items():
        if name in now:
            b, n = total["all"], now[name]["all"]
            figures = [f"{b['precision']:.3f}", f"{b['recall']:.3f}", f"{b['f1']:.3f}"]
            figures += [f"{n['precision']:.3f}", f"{n['recall']:.3f}", f"{n['f1']:.3f}"]
            lines.append(_row([name, *figures]))
    lines += ["", "Blind baseline per fact type (P / R):", ""]
    lines += type_matrix({f"{k} (blind)": v for k, v in baseline.get("totals", {}).items()})
    return lines


def report(
    results: list[CorpusResult], command: str, when: str, baseline: dict[str, Any] | None = None
) -> str:
    """The Markdown tables: a summary per corpus, each corpus per fact type (P / R), the v2 blind
    baseline against today when one is recorded, then each corpus per fact type and per document."""
    head = ["corpus", "texts", "P", "R", "F1", "gold", "predicted"]
    lines = [
        f"Produced by `{command}` on {when}; scored by `shared/tools/score_extraction.py`.",
        "",
        _row(head),
        _row(["---"] * len(head)),
    ]
    lines += [_row([r.corpus.name, len(r.documents), *_figures(r.total["all"])]) for r in results]
    lines += ["", "Per fact type (P / R):", ""]
    lines += type_matrix({r.corpus.name: r.total for r in results})
    if baseline:
        lines += ["", *baseline_table(results, baseline)]
    for r in results:
        lines += ["", f"### {r.corpus.name}", "", _row(["fact type", "P", "R", "F1", "gold", "predicted"])]
        lines.append(_row(["---"] * 6))
        lines += [_row([t, *_figures(r.total[t])]) for t in TYPES if t in r.total]
        lines += ["", _row(["document", "detected language", "F1", "gold", "predicted"]), _row(["---"] * 5)]
        for doc, scores in r.documents.items():
            total = _total(scores)
            lines.append(_row([doc, r.detected.get(doc, "-"), f"{total['f1']:.3f}", *_counts(total)]))
        lines += [f"- extraction failed: {f}" for f in r.failures]
    return "\n".join(lines) + "\n"


def _total(scores: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A document's figures over all fact types (the scorer reports them per type only)."""
    tp = sum(v["correct"] for v in scores.values())
    gold = sum(v["gold"] for v in scores.values())
    pred = sum(v["predicted"] for v in scores.values())
    p = tp / pred if pred else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": gold, "predicted": pred}


def _counts(total: dict[str, Any]) -> list[object]:
    return [total["gold"], total["predicted"]]


def read_baseline(path: Path | None) -> dict[str, Any] | None:
    """The recorded blind baseline, None when no file is given or it does not exist yet."""
    if path is None or not path.is_file():
        return None
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: not a baseline JSON file: {exc}") from exc
    if not isinstance(data.get("totals"), dict):
        raise EvaluationError(f"{path}: no 'totals' object")
    return data


def record_baseline(path: Path, results: list[CorpusResult], when: str, note: str) -> dict[str, Any]:
    """Write the v2 corpora's totals as the blind baseline, with the date, the commit and ``note``."""
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    commit = done.stdout.strip() if done.returncode == 0 else "unknown"
    totals = {r.corpus.name: r.total for r in results if r.corpus.version == "v2"}
    data = {"date": when, "commit": commit, "note": note, "totals": totals}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return data


def write_report(out: Path, table: str) -> None:
    """Replace the text between the eval markers of ``out`` (the prose around it stays)."""
    write_block(out, "eval", table, title="Extraction quality")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared material")
    parser.add_argument("--out", type=Path, help="Markdown file to write the tables into")
    parser.add_argument(
        "--baseline", type=Path, help="JSON file with the recorded v2 blind baseline, shown next to today"
    )
    parser.add_argument(
        "--confidence",
        type=Path,
        help="measure each rule's precision on these pages and write it here (kgpub/extract/confidence.json)",
    )
    parser.add_argument(
        "--min-fires",
        type=int,
        default=rule_precision.MIN_FIRES,
        help="a rule with fewer scored facts than this gets the floor (default %(default)s)",
    )
    parser.add_argument(
        "--floor",
        type=float,
        default=rule_precision.FLOOR,
        help="the confidence of a rule too rarely fired to measure (default %(default)s)",
    )
    parser.add_argument(
        "--record-baseline",
        metavar="NOTE",
        help="write today's v2 figures into --baseline (once, before any v2 page is read), with NOTE",
    )
    args = parser.parse_args(argv)
    when = datetime.now(UTC).strftime("%Y-%m-%d")
    try:
        if args.record_baseline is not None and args.baseline is None:
            raise EvaluationError("--record-baseline needs --baseline FILE")
        baseline = read_baseline(args.baseline) if args.record_baseline is None else None
        results = evaluate(args.shared)
        if args.record_baseline is not None:
            baseline = record_baseline(args.baseline, results, when, args.record_baseline)
        measured = measure_rules(args.shared, args.min_fires, args.floor) if args.confidence else None
    except KgpubError as exc:
        print(f"kgpub.evaluate: error: {exc}", file=sys.stderr)
        return exc.exit_code
    command = "python -m kgpub.evaluate " + " ".join(argv if argv is not None else sys.argv[1:])
    table = report(results, command, when, baseline)
    if measured is not None:
        rule_precision.write_confidences(args.confidence, measured)
        table += "\n" + rule_precision.rule_tables(measured)
    print(table, end="")
    if args.out:
        write_report(args.out, table)
    failures = [f for r in results for f in r.failures]
    if failures:
        print(f"kgpub.evaluate: {len(failures)} text(s) could not be extracted", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
