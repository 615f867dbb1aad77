"""The chart, drawn at build time as inline SVG: who said what about which venue, and when.

Time runs along the x axis, one row per venue (and one for statements that name none), one mark
per dated statement: its colour says who spoke, its shape the stance. Colours are CSS classes
(c0..c7, cx) whose values the stylesheet sets for the light and the dark theme, so both meet
contrast; the chart needs no script. A table with the same content goes beside it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from timeline.model import STANCES
from timeline.render.text import MONTHS

PALETTE_SIZE = 8
WIDTH = 960
LEFT = 170
RIGHT = 24
TOP = 16
ROW = 36
AXIS = 44
R = 6.5
JITTER = (0, -9, 9, -4.5, 4.5, -13, 13)
NO_VENUE = "no venue named"


@dataclass(frozen=True)
class ChartItem:
    """One statement as the chart needs it."""

    event: str
    date: dt.date | None
    date_text: str
    speaker: str
    speaker_name: str
    stance: str
    stance_label: str
    venue: str | None
    venue_name: str | None
    headline: str


@dataclass(frozen=True)
class Chart:
    svg: Markup
    speakers: tuple[tuple[str, str], ...]  # (css class, name) for the legend
    stances: tuple[tuple[str, str, Markup], ...]  # (stance, label, swatch svg)
    rows: tuple[ChartItem, ...]  # everything, dated first, for the table
    undated: int


def shape(stance: str, x: float, y: float, css: str) -> str:
    """The SVG element of a mark: filled shapes for openings, crosses and hollow ones for refusals."""
    r = R
    if stance == "propose":
        return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{r}"/>'
    if stance == "accept":
        return f'<rect class="{css}" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}"/>'
    points = {
        "invite": ((0, -r * 1.3), (r * 1.3, 0), (0, r * 1.3), (-r * 1.3, 0)),
        "open-conditional": ((0, -r * 1.2), (r * 1.2, r), (-r * 1.2, r)),
        "condition": ((0, r * 1.2), (r * 1.2, -r), (-r * 1.2, -r)),
        "deny": ((0, -r * 1.2), (r * 1.2, 0), (0, r * 1.2), (-r * 1.2, 0)),
    }
    if stance in points:
        pts = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in points[stance])
        hollow = " hollow" if stance == "deny" else ""
        return f'<polygon class="{css}{hollow}" points="{pts}"/>'
    if stance == "reject":
        d = f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}L{x + r:.1f},{y - r:.1f}"
        return f'<path class="{css} cross" d="{d}"/>'
    return f'<circle class="{css} hollow" cx="{x:.1f}" cy="{y:.1f}" r="{r - 1}"/>'


def swatch(stance: str) -> Markup:
    """A small SVG of a stance's shape for the legend (decorative: the label says it in words)."""
    return Markup(
        f'<svg class="swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">'
        f"{shape(stance, 9, 9, 'cx')}</svg>"
    )


class TimeScale:
    """Time to x, linear inside each stretch of statements, with long empty stretches cut short.

    Statements on a story come in bursts years apart; a plain linear axis would crowd each burst
    into a few pixels. Gaps longer than GAP_DAYS become a fixed break (drawn as a double slash on
    the axis), and each burst gets width in proportion to the days it spans.
    """

    GAP_DAYS = 120
    BREAK_PX = 34.0
    PAD_DAYS = 12

    def __init__(self, days: list[dt.date], left: float, right: float):
        days = sorted(set(days))
        bursts: list[list[dt.date]] = [[days[0]]]
        for day in days[1:]:
            if (day - bursts[-1][-1]).days > self.GAP_DAYS:
                bursts.append([day])
            else:
                bursts[-1].append(day)
        pad = dt.timedelta(days=self.PAD_DAYS)
        self.bursts = [(b[0] - pad, b[-1] + pad) for b in bursts]
        total_days = sum((b - a).days for a, b in self.bursts)
        usable = (right - left) - self.BREAK_PX * (len(self.bursts) - 1)
        self.per_day = usable / max(1, total_days)
        self.starts: list[float] = []
        x = left
        for a, b in self.bursts:
            self.starts.append(x)
            x += (b - a).days * self.per_day + self.BREAK_PX

    def x(self, day: dt.date) -> float:
        for (a, b), start in zip(self.bursts, self.starts, strict=True):
            if day <= b:
                return start + max(0, (day - a).days) * self.per_day
        a, _ = self.bursts[-1]
        return self.starts[-1] + (day - a).days * self.per_day

    def segments_px(self) -> list[tuple[float, float]]:
        return [
            (start, start + (b - a).days * self.per_day)
            for (a, b), start in zip(self.bursts, self.starts, strict=True)
        ]

    def gaps_px(self) -> list[float]:
        segments = self.segments_px()
        return [(segments[i][1] + segments[i + 1][0]) / 2 for i in range(len(segments) - 1)]

    def ticks(self) -> list[tuple[dt.date, str]]:
        out: list[tuple[dt.date, str]] = []
        for (a, b), (x0, x1) in zip(self.bursts, self.segments_px(), strict=True):
            ticks = _ticks(a, b)
            room = max(1, int((x1 - x0) // 70))
            if len(ticks) > room:
                ticks = ticks[:: -(-len(ticks) // room)]
            if not ticks:
                middle = a + (b - a) / 2
                ticks = [(middle, f"{MONTHS[middle.month - 1][:3]} {middle.year}")]
            out += ticks
        return out


def _ticks(low: dt.date, high: dt.date) -> list[tuple[dt.date, str]]:
    years = high.year - low.year
    if years >= 2:
        step = 1 if years <= 12 else 2
        return [(dt.date(y, 1, 1), str(y)) for y in range(low.year + 1, high.year + 1, step)]
    months = (high.year - low.year) * 12 + high.month - low.month
    step = 1 if months <= 8 else 3
    out = []
    y, m = low.year, low.month
    while (y, m) <= (high.year, high.month):
        day = dt.date(y, m, 1)
        if low < day <= high and (m - 1) % step == 0:
            label = MONTHS[m - 1][:3] + (f" {y}" if m == 1 or not out else "")
            out.append((day, label))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def build_chart(items: list[ChartItem], chart_id: str = "chart") -> Chart:
    """The chart of the statements given; undated ones go only into the table."""
    dated = sorted((i for i in items if i.date), key=lambda i: (i.date, i.event))
    undated = [i for i in items if not i.date]
    counts = Counter(i.speaker for i in items)
    ranked = sorted(counts, key=lambda s: (-counts[s], s))
    colours = {s: f"c{n}" for n, s in enumerate(ranked[: PALETTE_SIZE - 1])}
    if len(ranked) == PALETTE_SIZE:
        colours[ranked[-1]] = f"c{PALETTE_SIZE - 1}"
    names = {i.speaker: i.speaker_name for i in items}
    speakers = tuple((colours.get(s, "cx"), names[s]) for s in ranked[: len(colours)])
    if len(ranked) > len(colours):
        speakers += (("cx", "others"),)
    used = [s for s in STANCES if any(i.stance == s for i in items)]
    labels = {i.stance: i.stance_label for i in items}
    stances = tuple((s, labels[s], swatch(s)) for s in used)

    venue_count = Counter(i.venue for i in dated if i.venue)
    venues = sorted(venue_count, key=lambda v: (-venue_count[v], v))
    venue_names = {i.venue: i.venue_name or i.venue for i in dated if i.venue}
    rows = [(v, venue_names[v]) for v in venues]
    if any(not i.venue for i in dated) or not rows:
        rows.append((None, NO_VENUE))
    height = TOP + ROW * len(rows) + AXIS
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"

    parts = [
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">Statements by venue and date</title>',
        f'<desc id="{desc_id}">{escape(_description(dated, undated, rows))}</desc>',
    ]
    if dated:
        scale = TimeScale([i.date for i in dated], LEFT, WIDTH - RIGHT)
        x_of = scale.x
        bottom = TOP + ROW * len(rows)
        for n, (_venue, name) in enumerate(rows):
            y = TOP + ROW * n + ROW / 2
            parts.append(f'<line class="row-rule" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
            parts.append(
                f'<text class="row-label" x="{LEFT - 10}" y="{y + 4}" text-anchor="end">{escape(name)}</text>'
            )
        for a, b in scale.segments_px():
            parts.append(f'<line class="axis-line" x1="{a:.1f}" x2="{b:.1f}" y1="{bottom}" y2="{bottom}"/>')
        for gap in scale.gaps_px():
            parts.append(
                f'<path class="axis-break" d="M{gap - 7:.1f},{bottom + 6}l5,-12M{gap + 2:.1f},{bottom + 6}l5,-12"/>'
            )
        for day, label in scale.ticks():
            x = x_of(day)
            parts.append(f'<line class="tick" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom + 5}"/>')
            parts.append(
                f'<text class="tick-label" x="{x:.1f}" y="{bottom + 20}" text-anchor="middle">{escape(label)}</text>'
            )
        row_of = {v: n for n, (v, _) in enumerate(rows)}
        placed: Counter = Counter()  # marks already in (row, x bucket): the next one moves up or down
        parts.append('<g class="marks">')
        for item in dated:
            n = row_of[item.venue]
            x = x_of(item.date)
            bucket = (n, round(x / (2 * R + 1)))
            clash = placed[bucket]
            placed[bucket] += 1
            y = TOP + ROW * n + ROW / 2 + JITTER[clash % len(JITTER)]
            label = f"{item.date_text}: {item.headline} ({item.stance_label})"
            parts.append(
                f'<g class="mark" data-event="{escape(item.event)}"><title>{escape(label)}</title>'
                f"{shape(item.stance, x, y, colours.get(item.speaker, 'cx'))}</g>"
            )
        parts.append("</g>")
    else:
        parts.append(
            f'<text class="row-label" x="{WIDTH / 2}" y="{TOP + 20}" text-anchor="middle">No dated statement yet.</text>'
        )
    parts.append("</svg>")
    return Chart(Markup("".join(parts)), speakers, stances, tuple(dated + undated), len(undated))


def _description(dated: list[ChartItem], undated: list[ChartItem], rows: list[tuple[str | None, str]]) -> str:
    if not dated:
        return "No statement has a known date yet."
    text = (
        f"{len(dated)} dated statements from {dated[0].date_text} to {dated[-1].date_text}, "
        f"one row per venue ({', '.join(name for _, name in rows)}); colour shows the speaker, shape the stance."
    )
    if undated:
        text += f" {len(undated)} undated statements are listed only in the table."
    return text
