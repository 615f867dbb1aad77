"""A small crafted corpus for the renderer's tests, built directly from the model's dataclasses."""

from __future__ import annotations

import datetime as dt

from timeline.model import Article, Claim, DateEstimate, Event, Evidence, Source, Span

HOSTILE = (
    "<script>alert('x')</script> Intro with <img src=x onerror=alert(1)> an image.\n\n"
    'Zelensky said he would never meet in Kyiv under these terms, "not now".\n\n'
    'See [this](javascript:alert(2)) and <a href="javascript:alert(3)" onclick="x()">that</a> '
    "and [a real page](https://example.org/page?a=1&b=2)."
)
PLAIN = (
    "Putin Offers to Meet in Moscow\n\n"
    "Moscow, April 22, 2021.\n\n"
    'Putin said he was ready to meet Zelensky in Moscow "any time". Officials added nothing.\n\n'
    "A later paragraph without statements."
)
UNDATED = "Peskov said a meeting needs preparation first.\n\nNothing else."


def paragraphs(text: str) -> tuple[Span, ...]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        out.append(Span(block, start, start + len(block)))
        pos = start + len(block)
    return tuple(out)


def claim(
    article: Article | str, text: str, sentence: str, speaker: str, stance: str, venue, said: DateEstimate
) -> Claim:
    start = text.index(sentence)
    return Claim(
        article=article, speaker=speaker, stance=stance, venue=venue, counterpart=None, said=said,
        sentence=sentence, start=start, end=start + len(sentence),
    )  # fmt: skip


def corpus(base_url: str = "") -> tuple[list[Article], list[Event]]:
    day = DateEstimate.day(dt.date(2021, 4, 22), (Evidence("dateline", "April 22, 2021", 40, 54),))
    month = DateEstimate(
        dt.date(2022, 4, 15),
        "month",
        dt.date(2022, 4, 1),
        dt.date(2022, 4, 30),
        (Evidence("url-date", "2022/04"),),
    )
    late = DateEstimate(
        dt.date(2026, 1, 28),
        "week",
        dt.date(2026, 1, 24),
        dt.date(2026, 1, 31),
        (Evidence("counter", "day 1,436"),),
    )
    s1 = 'Putin said he was ready to meet Zelensky in Moscow "any time".'
    s2 = 'Zelensky said he would never meet in Kyiv under these terms, "not now".'
    s3 = "Peskov said a meeting needs preparation first."
    c1 = claim("a1", PLAIN, s1, "putin", "propose", "moscow", day)
    c2 = claim("a2", HOSTILE, s2, "zelensky", "reject", "kyiv", month)
    c3 = claim("a3", UNDATED, s3, "peskov", "condition", None, DateEstimate.unknown())
    c4 = claim("a3", UNDATED, s3, "kremlin", "comment", None, late)
    a1 = Article(
        id="a1", file="a1.txt", sha256="1" * 64, text=PLAIN, language="en", title="Putin Offers to Meet in Moscow",
        outlet="The Moscow Times", agencies=("AFP",), url="https://www.example.com/2021/04/22/putin", published=day,
        warnings=(), paragraphs=paragraphs(PLAIN), claims=(c1,),
    )  # fmt: skip
    a2 = Article(
        id="a2", file="a2.txt", sha256="2" * 64, text=HOSTILE, language="en", title="<b>Bold</b> & <script>x</script>",
        outlet="<i>Evil</i> Outlet", agencies=(), url="javascript:alert(9)", published=month,
        warnings=("<img src=x onerror=alert(4)> warning",), paragraphs=paragraphs(HOSTILE), claims=(c2,),
        candidate_actors=("Andrii <Sybiha>",),
    )  # fmt: skip
    a3 = Article(
        id="a3", file="a3.txt", sha256="3" * 64, text=UNDATED, language="en", title=None, outlet=None, agencies=(),
        url=None, published=DateEstimate.unknown(), warnings=("undated",), paragraphs=paragraphs(UNDATED), claims=(c3, c4),
    )  # fmt: skip
    e1 = Event(
        id="putin-2021-04-22-aaaaaa", kind="claim", date=day, speaker="putin", stance="propose", venue="moscow",
        counterpart="zelensky", headline="Putin proposes a meeting with Zelensky in Moscow", quotes=("any time",),
        sources=(Source("a1", s1, c1.start, c1.end, "https://www.example.com/2021/04/22/putin#:~:text=Putin"),),
        claims=(c1,),
    )  # fmt: skip
    e2 = Event(
        id="zelensky-2022-04-15-bbbbbb", kind="claim", date=month, speaker="zelensky", stance="reject", venue="kyiv",
        counterpart=None, headline="Zelensky rules out <a meeting> in Kyiv", quotes=("<script>alert(5)</script>",),
        sources=(Source("a2", s2, c2.start, c2.end, "javascript:alert(6)"),),
        conflicts=("reports name different venues: kyiv, <moscow>",), claims=(c2,),
    )  # fmt: skip
    e3 = Event(
        id="peskov-undated-cccccc", kind="claim", date=DateEstimate.unknown(), speaker="peskov", stance="condition",
        venue=None, counterpart=None, headline="Peskov sets conditions", sources=(Source("a3", s3, c3.start, c3.end),),
        claims=(c3,),
    )  # fmt: skip
    e4 = Event(
        id="kremlin-2026-01-28-dddddd", kind="claim", date=late, speaker="kremlin", stance="comment", venue=None,
        counterpart=None, headline="The Kremlin comments", sources=(Source("a3", s3, c4.start, c4.end),), claims=(c4,),
    )  # fmt: skip
    ctx_date = DateEstimate.day(
        dt.date(2022, 2, 24),
        (Evidence("reference-event", "Invasion begins", detail="from the configuration"),),
    )
    ctx = Event(
        id="context-full-scale-invasion", kind="context", date=ctx_date, speaker=None, stance="comment", venue=None,
        counterpart=None, headline="Invasion begins",
    )  # fmt: skip
    return [a1, a2, a3], [e1, ctx, e2, e4, e3]
