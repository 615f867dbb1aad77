"""Position history: a crafted corpus of one actor's statements, tracks per venue, the SVG strip."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from timeline.history import histories, history, svg, view
from timeline.model import DateEstimate, Event, Source

SVG = "{http://www.w3.org/2000/svg}"


def ev(ident: str, speaker: str, stance: str, venue: str | None, when: dt.date | None) -> Event:
    date = DateEstimate.day(when) if when else DateEstimate.unknown()
    return Event(
        ident,
        "claim",
        date,
        speaker,
        stance,
        venue,
        None,
        f"{speaker} {stance} {venue}",
        sources=(Source("a", "s", 0, 1),),
    )


CORPUS = [
    ev("p1", "putin", "invite", "moscow", dt.date(2021, 4, 22)),
    ev("p2", "putin", "invite", "moscow", dt.date(2021, 6, 1)),
    ev("p3", "putin", "condition", "moscow", dt.date(2022, 4, 5)),
    ev("p4", "putin", "reject", "moscow", dt.date(2026, 1, 30)),
    ev("p5", "putin", "propose", None, dt.date(2022, 3, 1)),
    ev("p6", "putin", "comment", "kyiv", None),
    ev("z1", "zelensky", "propose", "donbas", dt.date(2021, 4, 20)),
    Event(
        "context-x",
        "context",
        DateEstimate.day(dt.date(2022, 2, 24)),
        None,
        "comment",
        None,
        None,
        "Invasion",
    ),
]


def test_tracks_per_venue_in_date_order():
    hist = history("putin", CORPUS)
    assert [t.venue for t in hist.tracks] == ["moscow", None]  # by first statement
    moscow = hist.tracks[0]
    assert [s.event.id for s in moscow.steps] == ["p1", "p2", "p3", "p4"]
    assert [s.changed for s in moscow.steps] == [False, False, True, True]
    assert moscow.path() == ("invite", "condition", "reject")  # repeats folded
    assert [e.id for e in hist.undated] == ["p6"]
    assert hist.steps == 6


def test_comments_do_not_move_a_position():
    corpus = [
        ev("c1", "peskov", "condition", None, dt.date(2022, 1, 1)),
        ev("c2", "peskov", "comment", None, dt.date(2022, 2, 1)),
        ev("c3", "peskov", "condition", None, dt.date(2022, 3, 1)),
        ev("c4", "peskov", "reject", None, dt.date(2022, 4, 1)),
    ]
    track = history("peskov", corpus).tracks[0]
    assert [s.changed for s in track.steps] == [False, False, False, True]
    assert track.path() == ("condition", "reject")
    assert history("peskov", corpus[1:2]).tracks[0].path() == ("comment",)


def test_every_actor_with_statements_and_only_them():
    assert list(histories(CORPUS)) == ["putin", "zelensky"]


def test_strip_is_accessible_svg_linking_each_step(mini_config):
    hist = history("putin", CORPUS)
    text = svg(hist, mini_config, "../")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    labelled = root.get("aria-labelledby").split()
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert ids[labelled[0]].tag == f"{SVG}title" and "Vladimir Putin" in ids[labelled[0]].text
    assert (
        ids[labelled[1]].tag == f"{SVG}desc" and "invite then condition then reject" in ids[labelled[1]].text
    )
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == [
        "../events/p1.html",
        "../events/p2.html",
        "../events/p3.html",
        "../events/p4.html",
        "../events/p5.html",
    ]
    assert all(a.get("aria-label") for a in root.iter(f"{SVG}a"))


def test_strip_is_deterministic_and_escapes(mini_config):
    hostile = [ev("h1", "putin", "invite", None, dt.date(2021, 1, 1))]
    hostile[0] = Event(
        "h1",
        "claim",
        hostile[0].date,
        "putin",
        "invite",
        None,
        None,
        'a <b> & "c"',
        sources=hostile[0].sources,
    )
    text = svg(history("putin", hostile), mini_config)
    ET.fromstring(text)  # well-formed despite the markup in the headline
    assert text == svg(history("putin", hostile), mini_config)


def test_view_for_the_page(mini_config):
    page = view(history("putin", CORPUS), mini_config)
    moscow = page["tracks"][0]
    assert moscow.venue == "Moscow"
    assert [s.href for s in moscow.steps][0] == "events/p1.html"
    assert page["tracks"][1].venue == "No venue named"
    assert page["strip"].startswith("<svg")


def test_no_dated_statements_no_strip(mini_config):
    assert svg(history("putin", [ev("u", "putin", "invite", None, None)]), mini_config) == ""
