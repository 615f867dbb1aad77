"""Position history: how one actor's stance on a meeting moved over time, venue by venue.

"Proposed Moscow in 2021, conditioned it in 2022, ruled it out in 2026" is the story a reader
wants from an actor page; it is read straight from the actor's events in date order. Each venue
is a track (statements naming no venue form their own track); a step is one event. The strip is
an inline SVG made at build time (no script), its marks linking to the events, with a title and
a description for screen readers; the same facts are in the table beside it.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from timeline.config import Config
from timeline.model import STANCE_FAMILY, Event

# Each stance family has a shape as well as a colour, so the strip reads without colour too.
FAMILY = STANCE_FAMILY
COLOURS = {"open": "#1b7f3b", "condition": "#9a6700", "refuse": "#b42318", "comment": "#555e6b"}
WIDTH, ROW, LABEL, PAD = 640, 30, 120, 12


@dataclass(frozen=True)
class Step:
    event: Event
    changed: bool  # the stance differs from the previous step on the same venue


@dataclass(frozen=True)
class Track:
    venue: str | None
    steps: tuple[Step, ...]

    def path(self) -> tuple[str, ...]:
        """The positions in order with repeats folded: propose → condition → reject.

        Comments are left out unless the actor only ever commented on this venue.
        """
        stances = [s.event.stance for s in self.steps]
        positions = [s for s in stances if s != "comment"] or stances[:1]
        out: list[str] = []
        for stance in positions:
            if not out or out[-1] != stance:
                out.append(stance)
        return tuple(out)


@dataclass(frozen=True)
class History:
    actor: str
    tracks: tuple[Track, ...]  # dated steps, one track per venue, venues in order of first mention
    undated: tuple[Event, ...]

    @property
    def steps(self) -> int:
        return sum(len(t.steps) for t in self.tracks) + len(self.undated)


def _key(event: Event) -> tuple:
    return (event.date.value or dt.date.max, event.id)


def history(actor: str, events: list[Event]) -> History:
    """The actor's claim events grouped into venue tracks, each in date order."""
    own = sorted((e for e in events if e.kind == "claim" and e.speaker == actor), key=_key)
    tracks: dict[str | None, list[Step]] = {}
    last: dict[str | None, str] = {}  # the latest position (not comment) on each venue
    for event in own:
        if event.date.value is None:
            continue
        steps = tracks.setdefault(event.venue, [])
        # A comment is not a position: it neither moves the stance nor counts as the one before.
        before = last.get(event.venue)
        steps.append(Step(event, event.stance != "comment" and before is not None and before != event.stance))
        if event.stance != "comment":
            last[event.venue] = event.stance
    return History(
        actor,
        tuple(Track(v, tuple(s)) for v, s in tracks.items()),
        tuple(e for e in own if e.date.value is None),
    )


def histories(events: list[Event]) -> dict[str, History]:
    """A history for every actor with at least one statement, by actor id (sorted)."""
    speakers = sorted({e.speaker for e in events if e.kind == "claim" and e.speaker})
    return {s: history(s, events) for s in speakers}


def _venue_name(venue: str | None, config: Config) -> str:
    place = config.place(venue)
    return place.name if place else (venue or "No venue named")


def _mark(family: str, x: float, y: float) -> str:
    colour = COLOURS[family]
    if family == "open":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>'
    if family == "condition":
        return f'<rect x="{x - 5.5:.1f}" y="{y - 5.5:.1f}" width="11" height="11" fill="{colour}"/>'
    if family == "refuse":
        return f'<path d="M{x - 6:.1f} {y - 6:.1f}L{x + 6:.1f} {y + 6:.1f}M{x + 6:.1f} {y - 6:.1f}L{x - 6:.1f} {y + 6:.1f}" stroke="{colour}" stroke-width="3"/>'
    return f'<path d="M{x:.1f} {y - 7:.1f}L{x + 7:.1f} {y:.1f}L{x:.1f} {y + 7:.1f}L{x - 7:.1f} {y:.1f}Z" fill="{colour}"/>'


def svg(hist: History, config: Config, root: str = "../", label: str | None = None) -> str:
    """The strip: one row per venue, time running left to right, one linked mark per statement."""
    dated = [s for t in hist.tracks for s in t.steps]
    if not dated:
        return ""
    name = label or (config.actor(hist.actor).name if config.actor(hist.actor) else hist.actor)
    first = min(s.event.date.value for s in dated)  # type: ignore[type-var]
    last = max(s.event.date.value for s in dated)  # type: ignore[type-var]
    span = max(1, (last - first).days)
    height = PAD * 2 + ROW * len(hist.tracks) + 16
    inner = WIDTH - LABEL - PAD * 2
    ident = f"history-{hist.actor}"
    desc = "; ".join(f"{_venue_name(t.venue, config)}: {' then '.join(t.path())}" for t in hist.tracks)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="history-strip" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{html.escape(name)}: stance on a meeting over time, by venue</title>',
        f'<desc id="{ident}-desc">{html.escape(desc)}</desc>',
    ]
    for row, track in enumerate(hist.tracks):
        y = PAD + ROW * row + ROW / 2
        out.append(
            f'<text x="{PAD}" y="{y + 4:.1f}" font-size="12" fill="#222">{html.escape(_venue_name(track.venue, config))}</text>'
        )
        out.append(
            f'<line x1="{LABEL}" y1="{y:.1f}" x2="{WIDTH - PAD}" y2="{y:.1f}" stroke="#bbb" stroke-width="1"/>'
        )
        for step in track.steps:
            event = step.event
            x = LABEL + PAD + inner * ((event.date.value - first).days / span if len(dated) > 1 else 0.5)  # type: ignore[operator]
            when = event.date.value.isoformat()  # type: ignore[union-attr]
            text = f"{when}: {event.stance} ({event.headline})"
            out.append(
                f'<a href="{html.escape(root)}events/{html.escape(event.id)}.html" aria-label="{html.escape(text)}">'
                f"<title>{html.escape(text)}</title>{_mark(FAMILY.get(event.stance, 'comment'), x, y)}</a>"
            )
    axis = PAD + ROW * len(hist.tracks) + 12
    out.append(f'<text x="{LABEL}" y="{axis}" font-size="11" fill="#222">{first.isoformat()}</text>')
    if last != first:
        out.append(
            f'<text x="{WIDTH - PAD}" y="{axis}" font-size="11" fill="#222" text-anchor="end">{last.isoformat()}</text>'
        )
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class StepView:
    date: str
    datetime: str
    stance: str
    headline: str
    href: str  # relative to the site root
    changed: bool


@dataclass(frozen=True)
class TrackView:
    venue: str
    path: tuple[str, ...]
    steps: tuple[StepView, ...]


def view(hist: History, config: Config) -> dict:
    """What history.html shows: plain strings, so the page key is cheap and stable."""
    from timeline.render.text import human_date, machine_date, stance_label

    def step(event: Event, changed: bool) -> StepView:
        return StepView(
            human_date(event.date),
            machine_date(event.date),
            stance_label(event.stance),
            event.headline,
            f"events/{event.id}.html",
            changed,
        )

    tracks = tuple(
        TrackView(
            _venue_name(t.venue, config),
            tuple(stance_label(s) for s in t.path()),
            tuple(step(s.event, s.changed) for s in t.steps),
        )
        for t in hist.tracks
    )
    return {
        "tracks": tracks,
        "undated": tuple(step(e, False) for e in hist.undated),
        "strip": svg(hist, config, "../"),
    }
