"""``python -m kgpub.evaluate``: how well kgpub's extractor does against the hand-checked facts.

Runs :func:`kgpub.extract.extract` on the seed texts (``SHARED/seeds`` vs ``SHARED/gold``) and on the
development set per language (``SHARED/devset/texts/<lang>`` vs ``SHARED/devset/gold/<lang>``), and
scores the predictions with the shared scorer ``SHARED/tools/score_extraction.py`` — run as its own
process, so the numbers here are exactly the ones anybody else gets from that tool. Writes a Markdown
report (between the ``eval`` markers of ``--out`` when it has them, so hand-written documentation
around the table survives) and prints the same tables.
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

from .errors import KgpubError
from .extract.language import detect_language
from .model import Extraction
from .sources import Source, source_from_file

Extractor = Callable[[Source], Extraction]
TYPES = ("organizations", "sub_organization_of", "heads", "duties", "sites", "all")
LANGS = ("fi", "sv", "en")
BEGIN, END = "<!-- eval:begin -->", "<!-- eval:end -->"


class EvaluationError(KgpubError):
    """The shared material is missing or the scorer failed; exit code 3 (bad input)."""

    exit_code = 3


@dataclass(frozen=True)
class Corpus:
    """Texts and their gold files; ``language`` is what metadata would declare (None: detect)."""

    name: str
    texts: Path
    gold: Path
    language: str | None


@dataclass
class CorpusResult:
    corpus: Corpus
    total: dict[str, dict[str, Any]]
    documents: dict[str, dict[str, dict[str, Any]]]
    detected: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def corpora(shared: Path) -> list[Corpus]:
    """The seed corpus and one development corpus per language that has gold files."""
    found = [Corpus("seeds", shared / "seeds", shared / "gold", None)]
    for lang in LANGS:
        texts, gold = shared / "devset" / "texts" / lang, shared / "devset" / "gold" / lang
        if gold.is_dir():
            found.append(Corpus(f"devset/{lang}", texts, gold, lang))
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
    for gold_path in sorted(corpus.gold.glob("*.json")):
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


def score(scorer: Path, gold: Path, predicted: Path) -> dict[str, Any]:
    """Run the shared scorer on two folders and return its JSON answer."""
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
            scored = score(scorer, corpus.gold, out)
            results.append(CorpusResult(corpus, scored["total"], scored["documents"], detected, failures))
    return results


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _figures(v: dict[str, Any]) -> list[object]:
    return [f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", v["gold"], v["predicted"]]


def report(results: list[CorpusResult], command: str, when: str) -> str:
    """The Markdown tables: a summary per corpus, then each corpus per fact type and per document."""
    head = ["corpus", "texts", "P", "R", "F1", "gold", "predicted"]
    lines = [
        f"Produced by `{command}` on {when}; scored by `shared/tools/score_extraction.py`.",
        "",
        _row(head),
        _row(["---"] * len(head)),
    ]
    lines += [_row([r.corpus.name, len(r.documents), *_figures(r.total["all"])]) for r in results]
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


def write_report(out: Path, table: str) -> None:
    """Replace the text between the eval markers of ``out``, or write a new file holding only the table."""
    block = f"{BEGIN}\n{table}{END}"
    if out.is_file():
        current = out.read_text(encoding="utf-8")
        if BEGIN in current and END in current:
            before, rest = current.split(BEGIN, 1)
            out.write_text(before + block + rest.split(END, 1)[1], encoding="utf-8")
            return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("# Extraction quality\n\n" + block + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgpub.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared material")
    parser.add_argument("--out", type=Path, help="Markdown file to write the tables into")
    args = parser.parse_args(argv)
    try:
        results = evaluate(args.shared)
    except KgpubError as exc:
        print(f"kgpub.evaluate: error: {exc}", file=sys.stderr)
        return exc.exit_code
    command = "python -m kgpub.evaluate " + " ".join(argv if argv is not None else sys.argv[1:])
    table = report(results, command, datetime.now(UTC).strftime("%Y-%m-%d"))
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
