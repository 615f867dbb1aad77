"""TempEval-3-style evaluation of the time engine on TimeML documents (a benchmark, not a test).

    python benchmarks/tempeval.py [FOLDER ...] [--verbose]

Each `*.tml` file in the folders (default tests/timeml, not recursive) holds a DCT and a TEXT with
gold TIMEX3 annotations, written blind to the engine's code. The plain text of TEXT (tags removed)
is given to `resolve_dates(text, dct)` and scored as TempEval-3 scores TIMEX3, for the DATE and TIME
types only (the engine returns calendar points, never durations or sets):

- span: one-to-one alignment by character overlap (relaxed) and by identical offsets (strict);
- value: exact match of the TIMEX3 value on relaxed matches, recall over gold DATE/TIME and
  precision over the system's output;
- outside period: matched values whose period does not overlap the gold value's period (the worst
  kind of wrong value: "last Friday" put in the wrong week rather than at a coarser precision).

Gold values that are not calendar points (PRESENT_REF, PAST_REF, FUTURE_REF, anything with X) still
count as gold DATE/TIME; value F1 is also given without them (they, and system output aligned with
them, are then left out).

A second line scores `infer_published(text)` on the same TEXT, with the DCT as the answer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "tests" / "timeml"
CALENDAR_TYPES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True)
class Timex:
    """A time expression: character span in the plain text, type and TIMEX3 value."""

    start: int
    end: int
    value: str
    type: str = "DATE"
    text: str = ""


@dataclass(frozen=True)
class Document:
    """One TimeML file: its creation time, the plain text of TEXT and the gold TIMEX3s in it."""

    name: str
    dct: dt.date
    text: str
    gold: tuple[Timex, ...]


def parse_timeml(source: str, name: str = "") -> Document:
    """Parse a TimeML string; offsets are into the text of TEXT with every tag removed."""
    root = ET.fromstring(source)
    dct_node = root.find("DCT/TIMEX3")
    if dct_node is None:
        raise ValueError(f"{name}: no DCT/TIMEX3")
    dct = dt.date.fromisoformat(dct_node.get("value", "")[:10])
    text_node = root.find("TEXT")
    if text_node is None:
        raise ValueError(f"{name}: no TEXT")
    parts: list[str] = []
    gold: list[Timex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            parts.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3":
            covered = "".join(node.itertext())
            gold.append(Timex(start, length, node.get("value", ""), node.get("type", ""), covered))

    walk(text_node)
    docid = root.findtext("DOCID") or name
    return Document(docid.strip(), dct, "".join(parts), tuple(sorted(gold, key=lambda t: t.start)))


def load_folder(folder: Path) -> list[Document]:
    """Every *.tml file directly in the folder, sorted by name."""
    return [parse_timeml(p.read_text(encoding="utf-8"), p.name) for p in sorted(folder.glob("*.tml"))]


def is_calendar(value: str) -> bool:
    """True for a value naming a stretch of the calendar (not PRESENT_REF, not XXXX-WXX-5)."""
    return period(value) is not None


_SEASONS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "AU": (9, 12), "WI": (12, 15)}
_PARTS_OF_DAY = {"MO": (6, 12), "MI": (11, 13), "AF": (12, 18), "EV": (17, 22), "NI": (20, 30), "DT": (8, 18)}


def _add_months(year: int, month: int, months: int) -> dt.datetime:
    index = year * 12 + month - 1 + months
    return dt.datetime(index // 12, index % 12 + 1, 1)


def period(value: str) -> tuple[dt.datetime, dt.datetime] | None:
    """The half-open stretch of time a TIMEX3 value names, or None when it names none."""
    value = value.strip().upper()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?.*", value):
            y, mo, d, h, mi = (int(g) for g in m.groups()[:5])
            base = dt.datetime(y, mo, d) + dt.timedelta(hours=h, minutes=mi)
            step = dt.timedelta(seconds=1) if m.group(6) else dt.timedelta(minutes=1)
            return base, base + step
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2})", value):
            base = dt.datetime(*(int(g) for g in m.groups()))
            return base, base + dt.timedelta(hours=1)
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T([A-Z]{2})", value):
            day = dt.datetime(*(int(g) for g in m.groups()[:3]))
            lo, hi = _PARTS_OF_DAY.get(m.group(4), (0, 24))
            return day + dt.timedelta(hours=lo), day + dt.timedelta(hours=hi)
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            day = dt.datetime(*(int(g) for g in m.groups()))
            return day, day + dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = dt.datetime.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            if m.group(3):
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=7)
            return monday, monday + dt.timedelta(days=7)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})-(\d)", value):
            day = dt.datetime.fromisocalendar(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return day, day + dt.timedelta(days=1)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            y, mo = int(m.group(1)), int(m.group(2))
            return dt.datetime(y, mo, 1), _add_months(y, mo, 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            y, q = int(m.group(1)), int(m.group(2))
            return _add_months(y, 3 * q - 2, 0), _add_months(y, 3 * q - 2, 3)
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            y, h = int(m.group(1)), int(m.group(2))
            return _add_months(y, 6 * h - 5, 0), _add_months(y, 6 * h - 5, 6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
            y = int(m.group(1))
            lo, hi = _SEASONS[m.group(2)]
            return _add_months(y, lo, 0), _add_months(y, lo, hi - lo)
        if m := re.fullmatch(r"(\d{4})", value):
            y = int(value)
            return dt.datetime(y, 1, 1), dt.datetime(y + 1, 1, 1)
        if m := re.fullmatch(r"(\d{3})", value):
            y = int(value) * 10
            return dt.datetime(max(y, 1), 1, 1), dt.datetime(y + 10, 1, 1)
        if m := re.fullmatch(r"(\d{2})", value):
            y = int(value) * 100
            return dt.datetime(max(y, 1), 1, 1), dt.datetime(y + 100, 1, 1)
    except ValueError:
        return None
    return None


def overlap(a: Timex, b: Timex) -> int:
    """Characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def align(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first (TempEval-3 relaxed)."""
    candidates = sorted(
        (
            (overlap(g, s), -abs(g.start - s.start), i, j)
            for i, g in enumerate(gold)
            for j, s in enumerate(system)
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for shared, _, i, j in candidates:
        if shared <= 0:
            break
        if i in used_gold or j in used_system:
            continue
        used_gold.add(i)
        used_system.add(j)
        pairs.append((i, j))
    return [(gold[i], system[j]) for i, j in sorted(pairs)]


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass
class Counts:
    """Tallies over documents; the figures are computed from them."""

    docs: int = 0
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    value_right: int = 0
    gold_noncalendar: int = 0
    system_on_noncalendar: int = 0
    value_right_on_noncalendar: int = 0
    outside: int = 0
    other_gold: int = 0
    spurious_on_duration_or_set: int = 0
    misses: list[tuple[Document, Timex]] = field(default_factory=list)
    spurious: list[tuple[Document, Timex, str]] = field(default_factory=list)
    wrong: list[tuple[Document, Timex, Timex, bool]] = field(default_factory=list)

    def add(self, doc: Document, system: Sequence[Timex]) -> None:
        """Score one document's system output against its gold DATE/TIME expressions."""
        gold = [t for t in doc.gold if t.type in CALENDAR_TYPES]
        others = [t for t in doc.gold if t.type not in CALENDAR_TYPES]
        self.docs += 1
        self.gold += len(gold)
        self.system += len(system)
        self.other_gold += len(others)
        pairs = align(gold, system)
        matched_gold = {id(g) for g, _ in pairs}
        matched_system = {id(s) for _, s in pairs}
        self.relaxed += len(pairs)
        self.strict += sum(1 for g in gold for s in system if (g.start, g.end) == (s.start, s.end))
        for g in gold:
            if not is_calendar(g.value):
                self.gold_noncalendar += 1
            if id(g) not in matched_gold:
                self.misses.append((doc, g))
        for g, s in pairs:
            right = s.value.strip().upper() == g.value.strip().upper()
            noncalendar = not is_calendar(g.value)
            self.system_on_noncalendar += noncalendar
            if right:
                self.value_right += 1
                self.value_right_on_noncalendar += noncalendar
                continue
            gp, sp = period(g.value), period(s.value)
            outside = gp is not None and sp is not None and not (sp[0] < gp[1] and gp[0] < sp[1])
            self.outside += outside
            self.wrong.append((doc, g, s, outside))
        for s in system:
            if id(s) in matched_system:
                continue
            hit = next((o for o in others if overlap(o, s)), None)
            self.spurious_on_duration_or_set += hit is not None
            note = f"overlaps gold {hit.type} {hit.text!r} {hit.value}" if hit else ""
            self.spurious.append((doc, s, note))

    def figures(self) -> dict[str, float]:
        """Precision, recall and F1 of span (relaxed, strict) and value (all gold, calendar gold)."""
        out: dict[str, float] = {}
        for key, hits in (("span", self.relaxed), ("strict", self.strict), ("value", self.value_right)):
            p, r = ratio(hits, self.system), ratio(hits, self.gold)
            out[f"{key}_p"], out[f"{key}_r"], out[f"{key}_f1"] = p, r, f1(p, r)
        right = self.value_right - self.value_right_on_noncalendar
        p = ratio(right, self.system - self.system_on_noncalendar)
        r = ratio(right, self.gold - self.gold_noncalendar)
        out["calendar_value_p"], out["calendar_value_r"], out["calendar_value_f1"] = p, r, f1(p, r)
        return out

    def summary(self) -> str:
        f = self.figures()
        return (
            f"tempeval: {self.docs} docs, gold {self.gold}, system {self.system}; "
            f"span F1 {f['span_f1']:.2f} (strict {f['strict_f1']:.2f}); "
            f"value F1 {f['value_f1']:.2f} (w/o non-calendar {f['calendar_value_f1']:.2f}); "
            f"outside period {self.outside}"
        )


def context(doc: Document, t: Timex, width: int = 50) -> str:
    """The words around a span, on one line, the span in [brackets]."""
    left = doc.text[max(0, t.start - width) : t.start]
    right = doc.text[t.end : t.end + width]
    return " ".join(f"{left}[{doc.text[t.start : t.end]}]{right}".split())


def report(counts: Counts, verbose: bool = False) -> str:
    """The full report: figures, then (verbose) every miss, spurious and wrong value."""
    f = counts.figures()
    lines = [
        f"documents {counts.docs}; gold DATE/TIME {counts.gold} "
        f"({counts.gold_noncalendar} not calendar points: PRESENT_REF, PAST_REF, FUTURE_REF, X...); "
        f"gold DURATION/SET (not scored) {counts.other_gold}; system {counts.system}",
        f"span relaxed  P {f['span_p']:.3f} R {f['span_r']:.3f} F1 {f['span_f1']:.3f}",
        f"span strict   P {f['strict_p']:.3f} R {f['strict_r']:.3f} F1 {f['strict_f1']:.3f}",
        f"value         P {f['value_p']:.3f} R {f['value_r']:.3f} F1 {f['value_f1']:.3f}",
        f"value, calendar gold only  P {f['calendar_value_p']:.3f} R {f['calendar_value_r']:.3f} "
        f"F1 {f['calendar_value_f1']:.3f}",
        f"wrong values {len(counts.wrong)}, of which outside the true period {counts.outside}; "
        f"misses {len(counts.misses)}; spurious {len(counts.spurious)} "
        f"({counts.spurious_on_duration_or_set} on a gold DURATION/SET)",
    ]
    if verbose:
        lines.append("")
        for doc, g in counts.misses:
            lines.append(f"MISS     {doc.name} dct {doc.dct} gold {g.type} {g.value}: {context(doc, g)}")
        for doc, s, note in counts.spurious:
            lines.append(
                f"SPURIOUS {doc.name} dct {doc.dct} system {s.value}: {context(doc, s)} {note}".rstrip()
            )
        for doc, g, s, outside in counts.wrong:
            flag = " OUTSIDE" if outside else ""
            lines.append(
                f"WRONG{flag} {doc.name} dct {doc.dct} gold {g.value} system {s.value} "
                f"(system span {doc.text[s.start : s.end]!r}): {context(doc, g)}"
            )
    lines.append(counts.summary())
    return "\n".join(lines)


Resolver = Callable[[str, dt.date], Iterable[Timex]]


def engine_resolver(text: str, reference: dt.date) -> list[Timex]:
    """The engine's output as Timex, the span's text kept for the report."""
    from timeline import resolve_dates

    return [
        Timex(t.start, t.end, str(t.value), "DATE", text[t.start : t.end])
        for t in resolve_dates(text, reference)
    ]


def score(docs: Iterable[Document], resolver: Resolver = engine_resolver) -> Counts:
    """Run the resolver on every document and tally the scores."""
    counts = Counts()
    for doc in docs:
        counts.add(doc, list(resolver(doc.text, doc.dct)))
    return counts


# --- infer_published -----------------------------------------------------------------------------


@dataclass
class DatingCounts:
    """How close `infer_published(text)` comes to the DCT."""

    docs: int = 0
    right_day: int = 0
    within_week: int = 0
    off: int = 0
    no_answer: int = 0
    wide: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, doc: Document, estimate: object) -> None:
        """One estimate: a day-or-week value is scored by its distance, a range (or bare bounds) by containment."""
        self.docs += 1
        value = _as_date(getattr(estimate, "value", None))
        precision = str(getattr(estimate, "precision", "") or "")
        earliest = _as_date(getattr(estimate, "earliest", None))
        latest = _as_date(getattr(estimate, "latest", None))
        outside = (earliest is not None and doc.dct < earliest) or (latest is not None and doc.dct > latest)
        if value is None and outside:
            self.off += 1
            kind = "OFF (bounds miss DCT)"
        elif value is None:
            self.no_answer += 1
            kind = "no answer"
        elif precision not in ("day", "week") or (earliest and latest and (latest - earliest).days > 7):
            if not outside:
                self.wide += 1
                kind = "wide range"
            else:
                self.off += 1
                kind = "OFF (range misses DCT)"
        else:
            gap = abs((value - doc.dct).days)
            if gap == 0:
                self.right_day += 1
                kind = "right day"
            elif gap <= 7:
                self.within_week += 1
                kind = f"within a week ({gap} d)"
            else:
                self.off += 1
                kind = f"OFF by {gap} d"
        self.notes.append(
            f"{kind:24} {doc.name} dct {doc.dct}: value {value} {precision} [{earliest} .. {latest}]"
        )

    def summary(self) -> str:
        return (
            f"infer_published: {self.docs} docs; right day {self.right_day}, within a week {self.within_week}, "
            f"more than a week off {self.off}, no answer / wide range {self.no_answer + self.wide}"
        )


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def score_dating(docs: Iterable[Document], infer: Callable[[str], object] | None = None) -> DatingCounts:
    """Run infer_published on each TEXT alone (no DCT) and tally the distances."""
    if infer is None:
        from timeline import infer_published

        infer = infer_published
    counts = DatingCounts()
    for doc in docs:
        counts.add(doc, infer(doc.text))
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT_FOLDER])
    parser.add_argument("--verbose", action="store_true", help="list every miss, spurious and wrong value")
    args = parser.parse_args(argv)
    docs = [doc for folder in args.folders for doc in load_folder(folder)]
    print(report(score(docs), verbose=args.verbose))
    dating = score_dating(docs)
    if args.verbose:
        print()
        print("\n".join(dating.notes))
    print(dating.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
