"""`timeline score`: the accuracy of a build against a newsroom's own reference annotations.

The reference file is a YAML list, one entry per article file (the format of the project's
tests/gold/seeds.yaml): the true publication date (and how sure it is), the outlet, and the
distinct statements the article reports. The figures follow the definitions of the shared
evaluation scorer exactly, so a newsroom's number and the project's number mean the same thing:

  dating    articles whose date falls in the reference window ("right"), outside it by more than
            the slack while claiming day or week precision ("confidently wrong"), with no date
            ("undated"), and otherwise "near";
  claims    reference statements found (same article, speaker, venue), with the share whose stance
            and statement date are right;
  merging   pairwise precision / recall / F1 of "these two reports are the same statement".
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from timeline.model import STANCE_FAMILY  # a stance miss inside a family is a near miss

APPROX_SLACK = dt.timedelta(days=3)


class GoldError(Exception):
    """The reference file cannot be read as a list of annotated articles."""


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _name(text: str | None) -> str:
    """An outlet name reduced to letters and digits, so 'The Moscow Times' matches 'Moscow Times'."""
    text = (text or "").casefold()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^a-z0-9а-яёіїєґ]+", "", text)


def _stem(file: str) -> str:
    return Path(file).stem


def window(entry: dict[str, Any]) -> tuple[dt.date, dt.date]:
    """The days a careful reader can defend as the publication date of a reference entry."""
    day = _date(entry["published"])
    assert day is not None
    if entry.get("published_confidence", "exact") == "exact":
        return day, day
    if entry.get("published_window"):
        lo, hi = entry["published_window"]
        return _date(lo), _date(hi)  # type: ignore[return-value]
    return day - APPROX_SLACK, day + APPROX_SLACK


@dataclass
class Dating:
    n: int = 0
    in_window: int = 0
    exact_day: int = 0
    wrong: int = 0
    undated: int = 0
    range_holds: int = 0
    missing: int = 0
    rows: list[tuple[str, str, str]] = field(default_factory=list)


def score_dating(gold: list[dict], articles: dict[str, dict]) -> Dating:
    out = Dating()
    for entry in gold:
        out.n += 1
        article = articles.get(_stem(entry["file"]))
        if article is None:
            out.missing += 1
            out.rows.append((entry["file"], "not in export", ""))
            continue
        published = article.get("published") or {}
        value, precision = _date(published.get("value")), published.get("precision", "unknown")
        lo, hi = window(entry)
        truth = _date(entry["published"])
        earliest, latest = _date(published.get("earliest")), _date(published.get("latest"))
        if earliest and latest and earliest <= truth <= latest:
            out.range_holds += 1
        if value is None:
            out.undated += 1
            verdict = "undated"
        elif lo <= value <= hi:
            out.in_window += 1
            verdict = "right"
            if entry.get("published_confidence", "exact") == "exact" and precision == "day":
                out.exact_day += 1
        elif precision in ("day", "week") and (value < lo - APPROX_SLACK or value > hi + APPROX_SLACK):
            out.wrong += 1
            verdict = "WRONG"
        else:
            verdict = "near"
        out.rows.append((entry["file"], verdict, f"{value} ({precision}) truth {truth}"))
    return out


def score_outlets(gold: list[dict], articles: dict[str, dict]) -> tuple[int, int]:
    hit = total = 0
    for entry in gold:
        if not entry.get("outlet"):
            continue
        total += 1
        got, want = _name((articles.get(_stem(entry["file"])) or {}).get("outlet")), _name(entry["outlet"])
        if got and (got in want or want in got):
            hit += 1
    return hit, total


Instance = tuple[str, dict, int | None]  # (article id, reference claim, index of the matched event)


def match_claims(gold: list[dict], events: list[dict]) -> list[Instance]:
    """Match each reference claim, one to one and greedily per article, to an event citing that article.

    A candidate must have the speaker (or an accepted alternative) and, when the reference names one,
    the venue; among candidates the exact stance wins, then the stance family, then the nearest date.
    """
    cited: dict[str, list[tuple[int, dict]]] = {}
    for index, event in enumerate(events):
        if event.get("kind", "claim") != "claim":
            continue
        for source in event.get("sources", []):
            cited.setdefault(source["article"], []).append((index, event))
    instances: list[Instance] = []
    for entry in gold:
        article = _stem(entry["file"])
        used: set[int] = set()
        for claim in entry.get("claims") or []:
            speakers = {claim["speaker"], *claim.get("alt_speakers", [])}
            stances = {claim["stance"], *claim.get("alt_stances", [])}
            said = _date(claim.get("said_on"))
            best: int | None = None
            best_key: tuple | None = None
            for index, event in cited.get(article, []):
                if index in used or event.get("speaker") not in speakers:
                    continue
                if claim.get("venue") and event.get("venue") != claim["venue"]:
                    continue
                family = STANCE_FAMILY.get(event.get("stance")) == STANCE_FAMILY.get(claim["stance"])
                got = _date((event.get("date") or {}).get("value"))
                distance = abs((got - said).days) if got and said else 9999
                key = (event.get("stance") in stances, family, -distance)
                if best_key is None or key > best_key:
                    best, best_key = index, key
            if best is not None:
                used.add(best)
            instances.append((article, claim, best))
    return instances


@dataclass
class Claims:
    required: int
    found: int
    stance_ok: int
    dated: int
    date_ok: int


def score_claims(instances: list[Instance], events: list[dict]) -> Claims:
    required = [i for i in instances if not i[1].get("optional")]
    found = [i for i in required if i[2] is not None]
    stance_ok = sum(
        1 for _, c, e in found if events[e].get("stance") in {c["stance"], *c.get("alt_stances", [])}
    )
    dated = [i for i in found if i[1].get("said_on")]
    date_ok = 0
    for _, claim, index in dated:
        got = _date((events[index].get("date") or {}).get("value"))
        slack = dt.timedelta(0) if claim.get("said_on_confidence", "exact") == "exact" else APPROX_SLACK
        if got and abs(got - _date(claim["said_on"])) <= slack:
            date_ok += 1
    return Claims(len(required), len(found), stance_ok, len(dated), date_ok)


@dataclass
class Merging:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_merging(instances: list[Instance]) -> Merging:
    """Pairs of reports from different articles: same reference statement vs. same event.

    An optional statement counts only when found; a missed required one stays a singleton.
    """
    kept = [i for i in instances if not i[1].get("optional") or i[2] is not None]
    tp = fp = fn = 0
    for (a1, c1, e1), (a2, c2, e2) in itertools.combinations(kept, 2):
        if a1 == a2:
            continue
        same_gold = c1["id"] == c2["id"]
        same_pred = e1 is not None and e1 == e2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return Merging(tp, fp, fn)


@dataclass
class Report:
    """Every figure of one scoring run, and the per-article / per-claim rows behind them."""

    dating: Dating
    outlets: tuple[int, int]
    instances: list[Instance]
    claims: Claims
    merging: Merging
    event_ids: list[str]

    def figures(self) -> dict[str, Any]:
        d, c, m = self.dating, self.claims, self.merging
        hit, total = self.outlets
        return {
            "dating": d.in_window / d.n if d.n else 0.0,
            "dating_exact_day": d.exact_day,
            "wrong": d.wrong,
            "undated": d.undated,
            "range_holds": d.range_holds,
            "articles": d.n,
            "missing_articles": d.missing,
            "outlets": hit / total if total else 1.0,
            "claims": c.found / c.required if c.required else 1.0,
            "claim_stance": c.stance_ok / c.found if c.found else 0.0,
            "claim_date": c.date_ok / c.dated if c.dated else 0.0,
            "merge_precision": m.precision,
            "merge_recall": m.recall,
            "merge_f1": m.f1,
        }

    def summary(self) -> str:
        d, c, m = self.dating, self.claims, self.merging
        hit, total = self.outlets
        return (
            f"dating {d.in_window}/{d.n} right, {d.wrong} wrong, {d.undated} undated; outlets {hit}/{total}; "
            f"claims {c.found}/{c.required} (stance {c.stance_ok}, date {c.date_ok}/{c.dated}); "
            f"merge P {m.precision:.2f} R {m.recall:.2f} F1 {m.f1:.2f}"
        )

    def lines(self) -> list[str]:
        """The detail rows: a verdict per article, then found / MISSED / skip per reference claim."""
        out = [f"  {verdict:<13} {file}  {detail}" for file, verdict, detail in self.dating.rows]
        for article, claim, index in self.instances:
            mark = "found " if index is not None else ("skip  " if claim.get("optional") else "MISSED")
            got = self.event_ids[index] if index is not None else ""
            out.append(f"  {mark} {article}  {claim['id']}  {got}")
        return out


def score(gold: list[dict], export: dict[str, Any]) -> Report:
    articles = {a["id"]: a for a in export.get("articles", [])}
    events = export.get("events", [])
    instances = match_claims(gold, events)
    return Report(
        dating=score_dating(gold, articles),
        outlets=score_outlets(gold, articles),
        instances=instances,
        claims=score_claims(instances, events),
        merging=score_merging(instances),
        event_ids=[e.get("id", "") for e in events],
    )


def load_gold(path: Path) -> list[dict]:
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldError(f"{path}: {error}") from error
    if not isinstance(gold, list) or not all(
        isinstance(e, dict) and "file" in e and "published" in e for e in gold
    ):
        raise GoldError(f"{path}: expected a list of entries, each with 'file' and 'published'")
    return gold


def load_export(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GoldError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise GoldError(f"{path}: not a timeline export")
    return data


MINIMUMS = ("dating", "claims", "merge-f1", "outlets")


def below_the_bar(report: Report, minimums: dict[str, float | None], max_wrong: int | None) -> list[str]:
    """The figures under their minimum, worded as the shared scorer words them."""
    figures = report.figures()
    failed = []
    for name in MINIMUMS:
        minimum = minimums.get(name)
        value = figures[name.replace("-", "_")]
        if minimum is not None and value < minimum:
            failed.append(f"{name} {value:.2f} < {minimum}")
    if max_wrong is not None and report.dating.wrong > max_wrong:
        failed.append(f"wrong {report.dating.wrong} > {max_wrong}")
    return failed


# ---------------------------------------------------------------------------------------------
# The command line (`timeline score`), kept here so the CLI module only dispatches.


def add_score_parser(sub: Any) -> None:
    p = sub.add_parser(
        "score",
        help="measure a build against a reference file of annotated articles",
        epilog="exit status: 0 scored, 1 a figure below its --min-*/--max-wrong bar, 2 unreadable input",
    )
    p.add_argument(
        "--gold",
        required=True,
        type=Path,
        help="reference annotations (YAML, the format of tests/gold/seeds.yaml)",
    )
    p.add_argument(
        "--export",
        default=Path("build/data/timeline.json"),
        type=Path,
        help="the build's export (default: build/data/timeline.json)",
    )
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    for name in MINIMUMS:
        p.add_argument(
            f"--min-{name}", type=float, default=None, help=f"exit 1 when the {name} figure is below this"
        )
    p.add_argument(
        "--max-wrong", type=int, default=None, help="exit 1 when more articles are dated confidently wrong"
    )


def cmd_score(args: Any) -> int:
    import sys

    try:
        report = score(load_gold(args.gold), load_export(args.export))
    except GoldError as error:
        print(f"timeline: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.figures(), sort_keys=True))
    elif not args.quiet:
        for line in report.lines():
            print(line)
    print(report.summary())
    failed = below_the_bar(
        report, {name: getattr(args, "min_" + name.replace("-", "_")) for name in MINIMUMS}, args.max_wrong
    )
    if failed:
        print("below the bar: " + "; ".join(failed))
        return 1
    return 0
