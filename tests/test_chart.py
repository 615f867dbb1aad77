"""The chart: accessible SVG, one mark per dated statement, a row per venue, colours that meet contrast."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from timeline.model import STANCES
from timeline.render.chart import NO_VENUE, ChartItem, TimeScale, build_chart

SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parents[1] / "templates" / "static" / "style.css"


def item(
    n: int, day: dt.date | None, speaker: str = "a", stance: str = "propose", venue: str | None = "x"
) -> ChartItem:
    return ChartItem(
        f"e{n}",
        day,
        str(day),
        speaker,
        speaker.upper(),
        stance,
        stance,
        venue,
        venue.title() if venue else None,
        f"headline {n} <&>",
    )


def items() -> list[ChartItem]:
    return [
        item(1, dt.date(2019, 7, 8), "a", "propose", "x"),
        item(2, dt.date(2019, 7, 8), "b", "reject", "x"),
        item(3, dt.date(2022, 3, 29), "a", "condition", None),
        item(4, dt.date(2025, 5, 11), "c", "invite", "y"),
        item(5, None, "a", "comment", None),
    ]


def test_svg_is_accessible_and_parses():
    chart = build_chart(items())
    root = ElementTree.fromstring(str(chart.svg))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and "4 dated statements" in desc.text and "1 undated" in desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_one_mark_per_dated_statement_and_rows_per_venue():
    chart = build_chart(items())
    root = ElementTree.fromstring(str(chart.svg))
    marks = [g for g in root.iter(f"{SVG}g") if g.get("class") == "mark"]
    assert sorted(g.get("data-event") for g in marks) == ["e1", "e2", "e3", "e4"]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "row-label"]
    assert labels == ["X", "Y", NO_VENUE]
    assert len(chart.rows) == 5 and chart.undated == 1


def test_marks_on_the_same_day_do_not_overlap():
    chart = build_chart(items())
    shapes = re.findall(r'data-event="e[12]".*?(?:cy="([\d.]+)"|d="M[\d.]+,([\d.]+))', str(chart.svg))
    ys = [float(a or b) for a, b in shapes]
    assert len(ys) == 2 and abs(ys[0] - ys[1]) > 5


def test_legend_covers_speakers_and_stances():
    chart = build_chart(items())
    assert [name for _, name in chart.speakers] == ["A", "B", "C"]
    assert [s for s, _, _ in chart.stances] == [
        s for s in STANCES if s in {"propose", "reject", "condition", "invite", "comment"}
    ]


def test_many_speakers_share_an_other_colour():
    many = [item(n, dt.date(2020, 1, 1 + n), f"s{n:02d}") for n in range(12)]
    chart = build_chart(many)
    assert chart.speakers[-1] == ("cx", "others")
    assert len(chart.speakers) == 8


def test_no_dated_statement():
    chart = build_chart([item(1, None)])
    ElementTree.fromstring(str(chart.svg))
    assert "No dated statement" in str(chart.svg)


def test_text_is_escaped():
    assert "<&>" not in str(build_chart(items()).svg)


def test_time_scale_cuts_long_gaps():
    scale = TimeScale([dt.date(2019, 1, 1), dt.date(2019, 1, 20), dt.date(2025, 1, 1)], 0, 1000)
    assert len(scale.bursts) == 2
    assert scale.x(dt.date(2019, 1, 1)) < scale.x(dt.date(2019, 1, 20)) < scale.x(dt.date(2025, 1, 1)) <= 1000
    assert len(scale.gaps_px()) == 1


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _themes() -> list[dict[str, str]]:
    css = CSS.read_text(encoding="utf-8")
    blocks = re.findall(r":root\s*\{([^}]*)\}", css)
    return [dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block)) for block in blocks[:2]]


@pytest.mark.parametrize("theme", [0, 1], ids=["light", "dark"])
def test_colours_meet_contrast(theme):
    colours = _themes()[theme]
    bg = colours["bg"]
    for name in [f"c{n}" for n in range(8)] + ["cx"]:
        assert _contrast(colours[name], bg) >= 3.0, name  # graphical objects (WCAG 1.4.11)
    for name in ("fg", "muted", "accent", "warn"):
        assert _contrast(colours[name], bg) >= 4.5, name  # text (WCAG 1.4.3)
        assert _contrast(colours[name], colours["panel"]) >= 4.5, name
    assert _contrast(colours["fg"], colours["mark"]) >= 4.5
    assert _contrast(colours["accent"], colours["mark"]) >= 4.5
