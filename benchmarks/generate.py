"""Deterministic synthetic articles of the seeds' kind, for the benchmark (not for accuracy).

Each file is about 2 KB and varies in shape the way the seed texts do: a headline, a credit
line or not, a dateline or not, statements by the spokesman or one of the two presidents with a
venue, quotations, background paragraphs and page furniture (share buttons, related-story lists,
an "Original url:" line). Statements are drawn from a shared pool so that several articles
report the same statement, as real coverage does, and normalization has clusters to merge.

    python benchmarks/generate.py OUT_DIR N [--seed S]

The same (N, seed) always gives byte-identical files; file i does not depend on N, so the
"one new article" of the benchmark is simply article N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START = dt.date(2019, 6, 1)
DAYS = (dt.date(2026, 2, 1) - START).days

SPEAKERS = [
    ("Kremlin spokesman Dmitry Peskov", "Peskov", "he"),
    ("Russian President Vladimir Putin", "Putin", "he"),
    ("Ukrainian President Volodymyr Zelensky", "Zelensky", "he"),
    ("Ukraine's President Volodymyr Zelenskyy", "Zelenskyy", "he"),
]
VENUES = ["Moscow", "Kyiv", "Kiev", "Minsk", "Istanbul", "Donbas", "Abu Dhabi", "Geneva", "Vatican", "Riyadh"]
VERBS = [
    "said",
    "told reporters",
    "said on {weekday}",
    "told journalists on {weekday}",
    "stressed",
    "said in a statement",
]
STANCES = [
    (
        "is ready to meet {other} in {venue}",
        "We are ready to meet in {venue} at any time that is convenient.",
    ),
    ("invited {other} to {venue} for talks", "Let him come to {venue}. I publicly invite him."),
    (
        "said a meeting in {venue} was impossible",
        "It is impossible for me to meet in {venue}. This is out of the question.",
    ),
    (
        "said a meeting could take place only after the document is agreed",
        "A meeting is possible only after the document is agreed.",
    ),
    (
        "rejected the proposal to meet in {venue}",
        "There are no plans for such a meeting in {venue} right now.",
    ),
    ("proposed a one-on-one meeting in {venue}", "I am ready to talk, but only to him, and in {venue}."),
]
OTHERS = {"Peskov": "Zelensky", "Putin": "Zelensky", "Zelensky": "Putin", "Zelenskyy": "Putin"}
AGENCIES = ["AFP", "Reuters", "EPA", "TASS", "Ukrinform", "Interfax"]
OUTLET_URLS = [
    "https://www.themoscowtimes.com/{y}/{m:02d}/{d:02d}/story-{n}",
    "https://www.aljazeera.com/news/{y}/{m}/{d}/story-{n}",
    "https://news.example.org/world/{n}",
    "https://www.trtworld.com/europe/story-{n}",
]
BACKGROUND = [
    "Russian and Ukrainian representatives have held several rounds of negotiations since the full-scale invasion began.",
    "Kyiv has repeatedly dismissed Moscow's claims and accused it of seeking a pretext to prolong the war.",
    "The two leaders have not met in person since the Normandy format summit in Paris in December 2019.",
    "Officials on both sides have said that any summit would need to be carefully prepared by negotiators.",
    "Western governments have urged both sides to agree on a ceasefire before any meeting of the presidents.",
    "Talks between the delegations took place last week, and a second round is scheduled for the coming days.",
    "Mediators from Turkey and the United States have offered to host a meeting between the two presidents.",
    "The Kremlin has said that the venue of the negotiations should be agreed on in advance by both delegations.",
    "Fighting along the front line continued overnight, regional officials said, with strikes reported on energy facilities.",
    "Analysts say a meeting of the two presidents would be the first direct contact between them since the war began.",
    "The European Union and the United States have recently sounded the alarm over troops massing near the border.",
    "Earlier, the foreign ministry said that preparations for a new round of talks were under way but gave no date.",
]
FURNITURE = [
    ["Advertisement"],
    ["Share on Facebook", "Share on X", "Copy link"],
    [
        "Related articles:",
        "- Russia to pause strikes during the winter, officials say",
        "- Talks in the Gulf end without a date for the next round",
    ],
    ["Oops!", "Something went wrong.", "Please try again later."],
    ["Subscribe to our newsletter"],
]


@dataclass(frozen=True)
class Statement:
    speaker: int
    stance: int
    venue: str
    day: dt.date


def statement_pool(seed: int, size: int = 2000) -> list[Statement]:
    """The statements the synthetic press reports; several articles share each one."""
    rng = random.Random(seed)
    return [
        Statement(
            rng.randrange(len(SPEAKERS)),
            rng.randrange(len(STANCES)),
            rng.choice(VENUES),
            START + dt.timedelta(days=rng.randrange(DAYS)),
        )
        for _ in range(size)
    ]


def article(index: int, seed: int = 7, pool: list[Statement] | None = None) -> str:
    """The text of synthetic article number index (independent of how many are generated)."""
    pool = pool or statement_pool(seed)
    rng = random.Random(f"{seed}:{index}")
    main = pool[rng.randrange(len(pool))]
    published = main.day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
    full, short, pronoun = SPEAKERS[main.speaker]
    other = OTHERS[short]
    stance, quote = STANCES[main.stance]
    lines: list[str] = []
    headline = f"{short} {stance.format(other=other, venue=main.venue)}"
    lines += [
        f"# {headline[0].upper()}{headline[1:]}"
        if rng.random() < 0.3
        else headline[0].upper() + headline[1:],
        "",
    ]
    if rng.random() < 0.5:
        lines += [f"By [{rng.choice(AGENCIES)}](#)", ""]
    if rng.random() < 0.6:
        style = rng.randrange(3)
        p = published
        lines += [
            [
                f"{MONTHS[p.month - 1]} {p.day}, {p.year}",
                f"{p.day} {MONTHS[p.month - 1]} {p.year}",
                f"{p.isoformat()} 10:{rng.randrange(60):02d} GMT",
            ][style],
            "",
        ]
    if rng.random() < 0.3:
        lines += [*rng.choice(FURNITURE), ""]
    verb = rng.choice(VERBS).format(weekday=WEEKDAYS[main.day.weekday()])
    lines += [f"{full} {verb} that he {stance.format(other=other, venue=main.venue)}.", ""]
    lines += [
        f"\u201c{quote.format(venue=main.venue)}\u201d {short} {rng.choice(['said', 'added', 'told reporters'])}.",
        "",
    ]
    for _ in range(rng.randrange(1, 3)):
        extra = pool[rng.randrange(len(pool))]
        e_full, e_short, _ = SPEAKERS[extra.speaker]
        e_stance, e_quote = STANCES[extra.stance]
        when = (
            f"on {MONTHS[extra.day.month - 1]} {extra.day.day}" if rng.random() < 0.5 else "earlier this week"
        )
        lines += [
            f"{e_full} {when} said that he {e_stance.format(other=OTHERS[e_short], venue=extra.venue)}.",
            "",
        ]
        if rng.random() < 0.5:
            lines += [f'"{e_quote.format(venue=extra.venue)}" {e_short} said.', ""]
    body = rng.sample(BACKGROUND, k=len(BACKGROUND))
    for sentence in body:
        lines += [sentence, ""]
        if sum(len(x) + 1 for x in lines) > 2200:
            break
    if rng.random() < 0.3:
        lines += [*rng.choice(FURNITURE), ""]
    if rng.random() < 0.4:
        url = rng.choice(OUTLET_URLS).format(y=published.year, m=published.month, d=published.day, n=index)
        lines += [f"Original url: {url}", ""]
    lines.append(f"{pronoun.capitalize()} did not give further details. (ref {seed}-{index})")
    return "\n".join(lines) + "\n"


def file_name(index: int) -> str:
    return f"a{index:06d}.txt"


def generate(out_dir: Path, n: int, seed: int = 7) -> int:
    """Write articles 0..n-1 into out_dir (unchanged files are not rewritten); returns bytes written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = statement_pool(seed)
    total = 0
    for index in range(n):
        text = article(index, seed, pool).encode("utf-8")
        path = out_dir / file_name(index)
        total += len(text)
        if not path.exists() or path.read_bytes() != text:
            path.write_bytes(text)
    for stale in out_dir.glob("a*.txt"):
        if stale.name[1:7].isdigit() and int(stale.name[1:7]) >= n:
            stale.unlink()
    return total


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    total = generate(args.out, args.n, args.seed)
    print(f"{args.n} articles, {total / args.n:.0f} bytes each on average, in {args.out}")


if __name__ == "__main__":
    main()
