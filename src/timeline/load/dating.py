"""Publication and statement dates as estimates with evidence.

A publication date is a range narrowed by constraints, strongest first: front matter, then a
dateline, a date in the URL, day counters anchored on a reference event ("day 1,436 of the
war"), reference events named with their tense ("where the next meeting is planned"), dates the
text names (a past date bounds it from below, a future one from above), and last the weak
assumption that a year-less date ("on April 6") is recent. A constraint that contradicts
stronger ones is dropped. Weekday cues ("told reporters on Friday") then choose the day inside
the range. Where the range stays wide the estimate says so with a coarse precision: a guess is
never shown as a day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from timeline import lexicon
from timeline.load.attribution import quotations
from timeline.load.clean import Line
from timeline.load.timex import (
    CLAUSE_END,
    DIGIT,
    DIGITS,
    LAST_WEEKDAY_MIN_BACK,
    Mention,
    _safe_date,
    finditer,
    fold,
    literal_clauses,
    resolve,
    scan,
    triggers_for,
    weekday_on,
    windows,
)
from timeline.load.timex import (
    resolved as timex_resolved,
)
from timeline.model import DateEstimate, Evidence, Sentence

URL_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=[/\-_.]|\d{4,6}(?!\d)|$)"
)
URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])/")  # /2022/10/ or /2022-10/
# /11/10/2021/: day first (the European order); month first is possible too where both are months
URL_DAY_FIRST = re.compile(r"/(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?=[/._-]|$)")
DAY = dt.timedelta(days=1)
DATELINE_LINES = 15
PARAGRAPH_BREAK = re.compile(r"\n")  # a line is a paragraph (scraped text is not hard-wrapped)
DATELINE_WORDS = 8
NEAR_DAYS = 45  # a year-less past date is taken to be at most this old (weak)
ONE_WEEK_CHOICE = 13  # days: a wider range holds several weeks the same weekdays fit
WIDE = 120  # above this many days the range is too wide to choose a day by weekdays
NEXT_YEAR_NEAR = 61  # days: "the war will enter its third year" is written this near the day
STRENGTH = {
    "counter": 3,
    "anchor-event": 4,
    "office": 4,
    "mentioned-date": 5,
    "recent-date": 7,
    "anchor-nearness": 7,
}


@dataclass(frozen=True)
class Constraint:
    """The publication date lies in [earliest, latest] (either may be open), for this reason."""

    strength: float
    earliest: dt.date | None
    latest: dt.date | None
    evidence: Evidence
    anchor: dt.date | None = None  # a reference event's date: the text is written near it
    named: dt.date | None = None  # the day a year-less date was resolved to
    event: dt.date | None = None  # the event's own day, when the text is dated at a distance from it
    guess: bool = False  # any day of the range fits as well ("in the days before"): shown by its middle
    assumed: bool = False  # a nearness assumption: dropped, not kept, when it meets evidence as strong
    ambiguous: bool = False  # words that match several reference events: always shown
    alternatives: tuple = ()  # ambiguous: the (reference event, relation, match) it may mean


def precision_of(earliest: dt.date | None, latest: dt.date | None) -> str:
    """How precise a range is: the coarsest unit it fits in."""
    if earliest is None or latest is None:
        return "unknown"
    width = (latest - earliest).days
    for limit, name in ((1, "day"), (6, "week"), (62, "month"), (400, "year")):
        if width <= limit:
            return name
    return "unknown"


def url_date(url: str | None, language: str = "en") -> tuple[dt.date, dt.date, Evidence] | None:
    """A date in the article's URL (/2021/04/22/, /20250829/, a 14-digit time stamp, /11/10/2021/),
    or a month. A day-first date whose two numbers could both be months is read day first only
    in a language that writes dates so; in English it keeps both readings' range."""
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    for match in URL_DAY.finditer(path):
        try:
            value = dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
        return value, value, Evidence("url-date", match.group(0), detail="a date in the article's URL")
    for match in URL_DAY_FIRST.finditer(path):
        a, b, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        readings = {
            d for d in (_safe_date(year, b, a), _safe_date(year, a, b) if language == "en" else None) if d
        }
        if readings:
            lo, hi = min(readings), max(readings)
            detail = "a date in the article's URL" + ("" if lo == hi else ", day or month first")
            return lo, hi, Evidence("url-date", match.group(0).strip("/"), detail=detail)
    match = URL_MONTH.search(path)
    if match:
        y, m = int(match.group(1)), int(match.group(2))
        first = dt.date(y, m, 1)
        last = (dt.date(y + m // 12, m % 12 + 1, 1)) - DAY
        return (
            first,
            last,
            Evidence("url-date", match.group(0).strip("/"), detail="a month in the article's URL"),
        )
    return None


# ---------------------------------------------------------------------------------------------
# Cues from the configuration: counters and reference events.


_CONFIG_CACHE: dict[tuple[str, str], tuple] = {}


@functools.cache
def _number_words(language: str, key: str) -> dict[str, int]:
    words = {
        **(lexicon.part("time/", "en").get(key) or {}),
        **(lexicon.part("time/", language).get(key) or {}),
    }
    return {str(k).lower(): int(v) for k, v in words.items() if v is not None}


@functools.cache
def _ordinals(language: str) -> dict[str, int]:
    """Ordinal and cardinal words with their numbers ("eighth", "eight"): what a counter reads."""
    return {
        **_number_words(language, "numbers"),
        **_number_words(language, "cardinals"),
        **_number_words(language, "ordinals"),
    }


# {number}: the language's own number words (zwei, три, deux), where it lists no cardinals
SLOTS = {"{ordinal}": "ordinals", "{cardinal}": "cardinals", "{number}": "numbers"}


def _with_ordinals(pattern: str, language: str) -> str:
    """A counter pattern with its {ordinal} and {cardinal} slots filled by the language's words
    ("the {ordinal} day of the war": "the eighth day of the war"; "day {cardinal} of the war":
    "day eight"), so that the words stay in the lexicons and the story's configuration free of them."""
    for slot, key in SLOTS.items():
        if slot not in pattern:
            continue
        words = sorted(_number_words(language, key), key=len, reverse=True)
        alternation = (
            "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")" if words else "(?!x)x"
        )
        pattern = pattern.replace(slot, alternation)
    return pattern


def _needs(pattern: str) -> tuple[frozenset[str], ...]:
    """The clauses (sets of words, one of each must occur) that a pattern's matches need, so
    that a pattern whose words are absent from a text is never run on it: hundreds of
    reference-event patterns then cost a few substring tests each."""
    clauses = literal_clauses(pattern, re.I)
    return tuple(c for c in clauses[:3] if all(a == DIGIT or len(a) >= 2 for a in c))


def _present(needs: tuple[frozenset[str], ...], folded: str, digits: bool) -> bool:
    """Whether every clause has a word in the (folded) text."""
    for clause in needs:
        for atom in clause:
            if digits if atom == DIGIT else atom in folded:
                break
        else:
            return False
    return True


def _config_patterns(config, language: str) -> tuple:
    """Counter and mention patterns of the configuration for one language, compiled once, each
    with the words its matches need, and the triggers that find where the mention patterns can
    match (so that each runs on a few short stretches of text, if at all)."""
    key = (config.digest, language)
    if key not in _CONFIG_CACHE:
        counters, mentions = [], []
        for ref in config.reference_events:
            if ref.counter:
                for lang in dict.fromkeys((language, "en")):
                    for pattern in ref.counter.patterns.get(lang, ()):
                        pattern = _with_ordinals(pattern, lang)
                        counters.append((ref, re.compile(pattern, re.I), _needs(pattern)))
            for mention in ref.mentions.get(language, ()):
                pattern = _with_given_names(mention.pattern, _given_names(config))
                mentions.append((ref, mention.relation, pattern, _needs(mention.pattern)))
        triggers = triggers_for([[(p.pattern, p.flags)] for _, _, p, _ in mentions], 1)
        _CONFIG_CACHE[key] = (tuple(counters), tuple(mentions), triggers)
    return _CONFIG_CACHE[key]


def _given_names(config) -> dict[str, str]:
    """Surname -> a pattern of the given names the actors' aliases put before it ("Vladimir Putin",
    "Владимира Путина"), so that a story pattern naming "Putin" also matches "Vladimir Putin"."""
    key = ("given", config.digest)
    if key not in _CONFIG_CACHE:
        names: dict[str, set[str]] = {}
        for actor in config.actors:
            surnames = {a for a in actor.aliases if " " not in a}
            for alias in actor.aliases:
                given, _, last = alias.rpartition(" ")
                if given and last in surnames and given[:1].isupper():
                    names.setdefault(last, set()).add(re.escape(given))
        _CONFIG_CACHE[key] = {last: "|".join(sorted(g, key=len, reverse=True)) for last, g in names.items()}
    return _CONFIG_CACHE[key]


def _with_given_names(pattern: str, given: dict[str, str]) -> re.Pattern:
    """A story pattern with an optional given name before each surname it names as a bare word;
    the pattern as written where that would not compile (a surname inside a lookbehind)."""
    if not given:
        return re.compile(pattern, re.I)
    alternatives = "|".join(sorted(map(re.escape, given), key=len, reverse=True))
    surnames = re.compile(rf"(?<![\w\\])({alternatives})(?!\w)")
    widened = surnames.sub(lambda m: f"(?:(?:{given[m.group(1)]})\\s+)?{m.group(1)}", pattern)
    try:
        return re.compile(widened, re.I)
    except re.error:
        return re.compile(pattern, re.I)


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> tuple[str, bool]:
    """The text in the case the clauses are written in, and whether it holds a digit."""
    return fold(text), DIGITS.search(text) is not None


def _number(text: str | None, ordinals: dict[str, int]) -> int | None:
    if not text:
        return None
    digits = re.sub(r"[\s,.'’\u00a0\u202f-]", "", text)
    numeral = re.fullmatch(r"(\d+)[^\W\d_]{0,3}", digits)  # an ordinal suffix: 100th, 3e, 5-й
    if numeral:
        return int(numeral.group(1))
    return ordinals.get(" ".join(text.split()).lower())


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_OFFICES: dict[tuple[str, str], tuple] = {}
BOUNDS_ONLY = frozenset({"office", "copyright"})  # rules that bound a date but never make one alone
OFFICE_GAP = r"\s+(?:[\w.'’-]+\s+){0,2}?"  # "UAE President [Sheikh] Mohammed bin Zayed"
OFFICE_APPOSITION = r",\s+(?:the\s+|his\s+|her\s+|now\s+)?"  # "Andrii Sybiha, Ukraine's foreign minister"


def _offices(config, language: str) -> tuple:
    """For each title the configuration gives an actor only from a known day ("Ukrainian foreign
    minister" for Sybiha from 2024-09-05), that day, the title and a pattern of the title beside
    one of the actor's names. A title the actor also held with no known start gives nothing."""
    key = (config.digest, language)
    if key not in _OFFICES:
        found = []
        for actor in config.actors:
            starts: dict[str, list[dt.date | None]] = {}
            for d in actor.descriptors.get(language, ()):
                starts.setdefault(d.text.casefold(), []).append(d.since)
            names = sorted((a for a in actor.aliases if " " in a or len(a) > 3), key=len, reverse=True)
            if not names:
                continue
            alias = "(?:" + "|".join(re.escape(a) for a in names) + r")(?![\w])"
            for text, sinces in starts.items():
                if None in sinces:
                    continue
                since = min(d for d in sinces if d is not None)
                title = re.escape(text).replace(r"\ ", r"\s+")
                pattern = re.compile(
                    rf"(?<![\w]){title}{OFFICE_GAP}{alias}|(?<![\w]){alias}{OFFICE_APPOSITION}{title}(?![\w])",
                    re.I,
                )
                found.append((text, since, actor.name, pattern))
        _OFFICES[key] = tuple(found)
    return _OFFICES[key]


def office_constraints(text: str, language: str, config) -> list[Constraint]:
    """ "UAE President Mohammed bin Zayed", "Andrii Sybiha, Ukraine's foreign minister": a title
    beside its holder's name was written once he held it, so on or after the day he took it.
    Never an upper bound: a text looking back keeps the titles of the time ("then foreign
    minister"), and a former holder is still named by his old title."""
    if config is None:
        return []
    folded = text.casefold()
    out = []
    for title, since, name, pattern in _offices(config, language):
        if title not in folded:
            continue
        m = pattern.search(text)
        if m is None:
            continue
        detail = f"'{title}' names {name} only from {since}: written on or after it"
        out.append(
            Constraint(
                STRENGTH["office"],
                since,
                None,
                Evidence("office", m.group(0), m.start(), m.end(), detail=detail),
            )
        )
    return out


ANNIVERSARIES = ("ahead", "on", "marked")  # "will be a year since", "is a year since", "marked a year since"
ANNIVERSARY_AHEAD = dt.timedelta(days=6)  # "on Friday it will be a year since": within the six days before


def _own_weekday(ref, m: re.Match, text: str, language: str) -> bool:
    """Whether the event's words hold its own weekday ("at the Munich Security Conference on
    Saturday"): the text is of that day or after it, not only from the next day."""
    if ref.date != ref.last:
        return False
    return any(
        w.kind == "weekday"
        and not w.strict
        and w.tense != "future"
        and w.weekday == ref.date.weekday()
        and m.start() <= w.start < m.end()
        for w in scan(text, language)
    )


def _straight(text: str) -> str:
    """The text with typographic apostrophes made straight ("Trump’s deadline"), as the story's
    patterns write them; the same length, so every offset holds."""
    return text.replace("\u2019", "'") if "\u2019" in text else text


def counter_constraints(text: str, language: str, config) -> list[Constraint]:
    """ "day 1,436 of the war": day 1 is the event's day_one. Named groups in the configured
    pattern say the unit: day (or the first group), week, month, year (the Nth), nextyear (the
    Nth, still ahead: "will enter its third year"), years (more than N full years), and the
    anniversaries: ahead ("it will be a year since": the day N years on is in the coming week),
    on ("it is two years today since": that day)."""
    if config is None:
        return []
    counters, _, _ = _config_patterns(config, language)
    ordinals = _ordinals(language)
    out = []
    text = _straight(text)
    folded, digits = _folded(text)
    for ref, pattern, needs in counters:
        if not _present(needs, folded, digits):
            continue
        one = ref.counter.day_one
        for m in pattern.finditer(text):
            groups = m.groupdict()
            detail = None
            if groups.get("year") is not None:
                n = _number(groups["year"], ordinals)
                if not n:
                    continue
                lo, hi = _add_years(one, n - 1), _add_years(one, n) - DAY
                detail = f"year {n} since {one}: {lo} to {hi}"
            elif groups.get("nextyear") is not None:
                n = _number(groups["nextyear"], ordinals)
                if not n or n < 2:
                    continue
                lo, hi = _add_years(one, n - 2), _add_years(one, n - 1)
                detail = f"year {n} since {one} is still ahead: {lo} to {hi}"
                # one says so when the day is near: within two months of it (an assumption)
                near = Evidence(
                    "counter",
                    m.group(0),
                    m.start(),
                    m.end(),
                    detail=f"year {n} begins on {hi}: written at most two months before it (assumed)",
                )
                out.append(
                    Constraint(
                        STRENGTH["anchor-nearness"],
                        hi - dt.timedelta(days=NEXT_YEAR_NEAR),
                        hi,
                        near,
                        assumed=True,
                    )
                )
            elif any(groups.get(g) is not None for g in ANNIVERSARIES):
                kind = next(g for g in ANNIVERSARIES if groups.get(g) is not None)
                # an empty group is the one year a language says without a number («год», "ein Jahr")
                n = _number(groups[kind], ordinals) if groups[kind] else 1
                if not n:
                    continue
                day = _add_years(one, n)
                lo, hi, when = {
                    "ahead": (
                        day - ANNIVERSARY_AHEAD,
                        day - DAY,
                        "still ahead: written in the days before it",
                    ),
                    "on": (day, day + 2 * DAY, "today: written that day or just after"),
                    "marked": (day, day + ANNIVERSARY_AHEAD, "past: written in the days after it"),
                }[kind]
                detail = f"{n} year{'s' if n > 1 else ''} since {one} is {day}, {when}"
            elif groups.get("years") is not None:
                n = _number(groups["years"], ordinals)
                if not n:
                    continue
                lo, hi = _add_years(one, n), None
                detail = f"more than {n} years after {one}: on or after {lo}"
            elif groups.get("month") is not None or groups.get("week") is not None:
                unit = "month" if groups.get("month") is not None else "week"
                n = _number(groups[unit], ordinals)
                if not n:
                    continue
                days = 7 if unit == "week" else 30.44
                lo = one + dt.timedelta(days=int((n - 1) * days))
                hi = one + dt.timedelta(days=int(n * days))
                detail = f"{unit} {n} since {one}"
            else:
                raw = groups.get("day") or groups.get("n") or (m.group(1) if m.groups() else None)
                n = _number(raw, ordinals)
                if not n:
                    continue
                lo = one + dt.timedelta(days=n - 1)
                hi = lo + 2 * DAY
                detail = f"day {n} counted from day 1 = {one} is {lo}; the text is of that day or just after"
            out.append(
                Constraint(
                    STRENGTH["counter"],
                    lo,
                    hi,
                    Evidence("counter", m.group(0), m.start(), m.end(), detail=detail),
                    guess=any(groups.get(g) is not None for g in ("ahead", "marked")),
                )
            )
    return out


def anchor_constraints(text: str, language: str, config, *, live: bool = False) -> list[Constraint]:
    """Reference events named in the text, with the tense the configuration gives them.

    Words that match several reference events of different dates (a yearly conference "last
    month", "the talks in Istanbul" of 2022 and of 2025) are ambiguous: only what every instance
    implies is kept (after the earliest, before the latest), with no nearness assumed, so that
    other evidence decides; a wrong edition must never be taken as a confident date.

    "After" an event is read as from the next day (a report looks back on it), except where the
    text itself is of the event's day: a live blog (live: its posts are time-stamped as the day
    goes on), or a text that dates the event "today" («опубликован сегодня»)."""
    if config is None:
        return []
    _, mentions, triggers = _config_patterns(config, language)
    found: list[tuple[object, str, re.Match]] = []
    plain = _straight(text)
    folded, digits = _folded(plain)
    where = windows(plain, triggers)
    for i, (ref, relation, pattern, needs) in enumerate(mentions):
        spans = None if where is None else where[i]
        if spans == [] or (where is None and not _present(needs, folded, digits)):
            continue
        m = next(finditer(pattern, plain, spans), None)
        if m:
            found.append((ref, relation, m))
    out = []
    after: list[tuple[object, int]] = []  # (event, index in out) of plain "after" constraints
    today: set[int] = set()  # the events the text dates to its own day
    for group in _same_words(found):
        # the most specific words win: "the Munich Security Conference on February 19" over
        # "the Munich Security Conference", which every year's edition matches
        longest = max(m.end() - m.start() for _, _, m in group)
        group = [item for item in group if item[2].end() - item[2].start() == longest]
        if len({(ref.date, ref.last) for ref, _, _ in group}) > 1:
            out.append(_ambiguous(group))
            continue
        for ref, relation, m in group:
            offset = _offset_before(text, m.start(), language) if relation == "after" else None
            if relation == "after" and offset is None:
                after.append((ref, len(out)))
                if _own_weekday(ref, m, text, language):
                    today.add(id(ref))
            out += _anchored(ref, relation, m, offset)
            relative = _relative_to(ref, m, text, language)
            if any(c.earliest is not None and c.earliest <= ref.last for c in relative):
                today.add(id(ref))
            out += relative
    if plain is not text:  # the words as the article writes them
        out = [
            replace(c, evidence=replace(c.evidence, text=text[c.evidence.start : c.evidence.end]))
            if c.evidence.start is not None and c.evidence.end is not None
            else c
            for c in out
        ]
    for ref, i in after:
        if live or id(ref) in today:
            why = (
                "a live blog: its posts are of the day" if live else "the text dates the event to its own day"
            )
            c = out[i]
            out[i] = replace(
                c,
                earliest=ref.last,
                evidence=_detail(c.evidence, f"{c.evidence.detail}; {why}, so on or after {ref.last}"),
            )
    return out


RELATIVE_GAP = 12  # characters between a reference event's words and the relative phrase dating it
RELATIVE_GAP_QUALIFIED = 60  # ... when the words between qualify the event ("between Putin and Trump")


def _relative_to(ref, m: re.Match, text: str, language: str) -> list[Constraint]:
    """ "Russia invaded Ukraine last month", "the talks in Antalya earlier this month": a relative
    phrase right beside an event's words dates the text from the event: last month's event was
    written of in the month after it."""
    if ref.date != ref.last:
        return []
    for mention in scan(text, language):
        last_weekday = mention.kind == "weekday" and mention.strict and mention.tense == "past"
        # "Biden said on Friday he was convinced ...": the event's own weekday, told in the past
        that_weekday = (
            mention.kind == "weekday"
            and not mention.strict
            and mention.tense != "future"
            and mention.weekday == ref.date.weekday()
        )
        if (
            not last_weekday
            and not that_weekday
            and (
                mention.kind not in ("relative", "ago")
                or mention.anchor
                or mention.unit not in ("day", "week", "month")
            )
        ):
            continue
        gap = mention.start - m.end() if mention.start >= m.end() else m.start() - mention.end
        between = text[min(m.end(), mention.end) : max(m.start(), mention.start)]
        beside = 0 <= gap <= RELATIVE_GAP and not re.search(r"[.;!?\n]", between)
        # "the Alaska summit between Putin and U.S. President Donald Trump last month": a longer
        # qualifier of the event, after it, with no clause break (abbreviations' dots aside)
        qualified = (
            mention.start >= m.end()
            and gap <= RELATIVE_GAP_QUALIFIED
            and not re.search(r"[,;:!?\n]|(?<!\b\w)\.", between)
        )
        if not (beside or qualified):
            continue
        day, k = ref.date, -(mention.offset or 0)  # the text is k units after the event
        if last_weekday:
            if mention.weekday != day.weekday():
                continue  # "Bennett flew to Moscow last Sunday" of a Saturday: another trip
            lo, hi = day + DAY, day + dt.timedelta(days=7)  # "last Saturday": in the week after it
        elif that_weekday:
            lo, hi = day, day + dt.timedelta(days=6)  # "on Friday": that day or in the week after it
        elif (mention.kind == "ago" and mention.unit == "week") or (mention.unit == "day" and abs(k) >= 7):
            center = day + dt.timedelta(days=7 * k if mention.unit == "week" else k)
            lo, hi = center - 2 * DAY, center + 2 * DAY  # "a week ago": about seven days
        elif mention.unit == "day":
            lo = hi = day + dt.timedelta(days=k)
        elif mention.unit == "week":
            monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=k)
            lo, hi = monday, monday + dt.timedelta(days=6)
        else:
            first = day.replace(day=1) + relativedelta(months=k)
            lo, hi = first, first + relativedelta(months=1) - DAY
        detail = f"{ref.title} ({ref.date}) was '{mention.text}' when written: {lo} to {hi}"
        return [
            Constraint(
                STRENGTH["anchor-event"],
                lo,
                hi,
                Evidence(
                    "anchor-event",
                    text[min(m.start(), mention.start) : max(m.end(), mention.end)],
                    min(m.start(), mention.start),
                    max(m.end(), mention.end),
                    detail=detail,
                ),
                anchor=ref.date,
            )
        ]
    return []


@functools.cache
def _offset_pattern(language: str) -> re.Pattern | None:
    from timeline.load.timex import _lang

    lang = _lang(language)
    if not lang.numbers or not lang.units:
        return None
    numbers = "|".join(sorted(map(re.escape, lang.numbers), key=len, reverse=True))
    units = "|".join(sorted(map(re.escape, lang.units), key=len, reverse=True))
    words = lexicon.part("time/", language)
    after = words.get("offset_after") or ""
    tail = rf"(?:(?:{after})\s+(?:\w+\s+)?)?" if after else ""
    # "quatre jours seulement après": a word that stresses the span, between it and the event
    only = rf"(?:(?:{words['offset_only']})\s+)?" if words.get("offset_only") else ""
    return re.compile(rf"(?<![\w])(?P<n>{numbers}|\d{{1,2}})\s+(?P<unit>{units})\s+{only}{tail}$", re.I)


def _offset_before(text: str, start: int, language: str) -> tuple[dt.timedelta, bool] | None:
    """ "two weeks after the Geneva summit", "drei Tage nach dem Gipfel": how long after the event
    the text's news is (days and weeks only: longer spans are too loosely said), and whether that
    is the day (True) or only a floor ("more than a month after the invasion": False, and then
    months and years count too, at their shortest)."""
    pattern = _offset_pattern(language)
    m = pattern.search(text, max(0, start - 40), start) if pattern else None
    if m is None:
        return None
    words = lexicon.part("time/", language)
    before = text[max(0, m.start() - 20) : m.start()]
    more, vague = words.get("offset_more"), words.get("offset_vague")
    at_least = bool(more and re.search(rf"(?<![\w])(?:{more})(?:\s+|(?<=['’]))$", before, re.I))
    if not at_least and vague and re.search(rf"(?<![\w])(?:{vague})\s+$", before, re.I):
        return None  # "less than three weeks after", "about a month after": not a day, nor a floor
    from timeline.load.timex import _lang

    lang = _lang(language)
    n = lang.numbers.get(m.group("n").lower()) if not m.group("n").isdigit() else int(m.group("n"))
    unit = lang.units.get(m.group("unit").lower())
    shortest = {"day": 1, "week": 7} if not at_least else {"day": 1, "week": 7, "month": 28, "year": 365}
    if not n or unit not in shortest:
        return None
    return dt.timedelta(days=n * shortest[unit]), not at_least


def _same_words(found: list[tuple[object, str, re.Match]]) -> list[list[tuple[object, str, re.Match]]]:
    """The matches grouped by overlapping spans of text, in order of first match."""
    groups: list[list[tuple[object, str, re.Match]]] = []
    for item in found:
        m = item[2]
        home = next(
            (g for g in groups if any(m.start() < o.end() and o.start() < m.end() for _, _, o in g)), None
        )
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    return groups


def _bounds(ref, relation: str) -> tuple[dt.date | None, dt.date | None]:
    """The range one reference event implies, without any nearness assumption."""
    if relation == "before":
        return None, ref.date - DAY
    if relation == "after":
        return ref.last + DAY, None
    if relation == "during":
        return ref.date, ref.last
    return ref.date - dt.timedelta(days=30), ref.last + dt.timedelta(days=30)


def _ambiguous(group: list[tuple[object, str, re.Match]]) -> Constraint:
    """What all the instances the same words may mean imply together: the hull of their ranges."""
    ranges = [_bounds(ref, relation) for ref, relation, _ in group]
    los, his = [lo for lo, _ in ranges], [hi for _, hi in ranges]
    lo = None if None in los else min(d for d in los if d)
    hi = None if None in his else max(d for d in his if d)
    m = group[0][2]
    names = ", ".join(dict.fromkeys(f"{ref.title} ({ref.date})" for ref, _, _ in group))
    bound = (
        " and ".join(x for x in (f"on or after {lo}" if lo else "", f"on or before {hi}" if hi else "") if x)
        or "no bound"
    )
    detail = f"ambiguous: the words match several reference events of different dates ({names}); kept only what all imply ({bound}), no nearness assumed"
    return Constraint(
        STRENGTH["anchor-event"],
        lo,
        hi,
        Evidence("ambiguous-anchor", m.group(0), m.start(), m.end(), detail=detail),
        ambiguous=True,
        alternatives=tuple(group),
    )


def _disambiguated(constraints: list[Constraint], lo: dt.date | None, hi: dt.date | None) -> list[Constraint]:
    """An ambiguous mention whose other editions the rest of the evidence rules out means the one
    left ("as Ukraine marked Independence Day", in a text written after the Alaska summit of
    2025, is the Independence Day of 2025): that one anchors the date like any other."""
    out = []
    for c in constraints:
        if not c.ambiguous or (lo is None and hi is None):
            continue
        fits = []
        for ref, relation, m in c.alternatives:
            a, b = _bounds(ref, relation)
            if (a is None or hi is None or a <= hi) and (b is None or lo is None or lo <= b):
                fits.append((ref, relation, m))
        if len({(ref.date, ref.last) for ref, _, _ in fits}) == 1:
            ref, relation, m = fits[0]
            out += [
                replace(
                    x,
                    evidence=_detail(
                        x.evidence,
                        f"{x.evidence.detail} (the only one of the editions these words may mean that the other evidence allows)",
                    ),
                )
                for x in _anchored(ref, relation, m)
            ]
    return out


def _anchored(
    ref, relation: str, m: re.Match, after: tuple[dt.timedelta, bool] | None = None
) -> list[Constraint]:
    """What one reference event named in the text implies; after: "two weeks after the summit"
    (the news day), "more than a month after the invasion" (a floor)."""
    ev = Evidence("anchor-event", m.group(0), m.start(), m.end())
    name = f"{ref.title} ({ref.date}{'–' + str(ref.end) if ref.end else ''})"
    offset = after[0] if after and after[1] else None
    if relation == "after" and after and not after[1]:
        floor = ref.last + after[0]
        return [
            Constraint(
                STRENGTH["anchor-event"],
                floor,
                None,
                _detail(ev, f"more than {after[0].days} days after {name}: written on or after {floor}"),
            ),
            Constraint(
                STRENGTH["anchor-nearness"],
                None,
                floor + dt.timedelta(days=WIDE),
                _detail(ev, f"{floor} is recent, at most four months back (assumed)"),
                assumed=True,
            ),
        ]
    if relation == "before":
        return [
            Constraint(
                STRENGTH["anchor-event"],
                None,
                ref.date - DAY,
                _detail(ev, f"written before {name}"),
                anchor=ref.date,
            ),
            Constraint(
                STRENGTH["anchor-nearness"],
                ref.date - dt.timedelta(days=90),
                None,
                _detail(ev, f"an upcoming {name} is at most three months ahead (assumed)"),
                assumed=True,
            ),
        ]
    if relation == "after" and offset:
        day = ref.last + offset
        return [
            Constraint(
                STRENGTH["anchor-event"],
                day,
                None,
                _detail(ev, f"{offset.days} days after {name}: {day}; written on or after it"),
                anchor=day,
                event=ref.last,
            ),
            Constraint(
                STRENGTH["anchor-nearness"],
                None,
                day + dt.timedelta(days=WIDE),
                _detail(ev, f"{day} is recent, at most four months back (assumed)"),
                assumed=True,
            ),
        ]
    if relation == "after":
        return [
            Constraint(
                STRENGTH["anchor-event"],
                ref.last + DAY,
                None,
                _detail(ev, f"written after {name}"),
                anchor=ref.last,
            ),
            Constraint(
                STRENGTH["anchor-nearness"],
                None,
                ref.last + dt.timedelta(days=WIDE),
                _detail(ev, f"{name} is recent, at most four months back (assumed)"),
                assumed=True,
            ),
        ]
    if relation == "during":
        # a long period ("the war's fourth year", "December 2024") says nothing of nearness to its start
        near = ref.date if (ref.last - ref.date).days <= ONE_WEEK_CHOICE else None
        return [
            Constraint(
                STRENGTH["anchor-event"],
                ref.date,
                ref.last,
                _detail(ev, f"written during {name}"),
                anchor=near,
            )
        ]
    return [
        Constraint(
            STRENGTH["anchor-event"],
            ref.date - dt.timedelta(days=30),
            ref.last + dt.timedelta(days=30),
            _detail(ev, f"written around {name}"),
            anchor=ref.date,
        )
    ]


def _detail(evidence: Evidence, detail: str) -> Evidence:
    return Evidence(evidence.rule, evidence.text, evidence.start, evidence.end, evidence.article, detail)


# ---------------------------------------------------------------------------------------------
# Cues from the text itself.


def _line_kinds(lines: list[Line]):
    starts = [line.start for line in lines]

    def kind(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset > lines[i].end:
            return "text"
        return lines[i].kind

    return kind


TIME_OF_DAY = re.compile(r"^\d{1,2}(?:[:.h]\d\d(?:[:.]\d\d)?|h)$", re.I)
LIVE_STAMPS = 2  # lines holding only a time of day ("14:48"): posts of a live blog


def _live_blog(lines: list[Line]) -> bool:
    """A live blog: posts under time stamps on lines of their own, written as the day goes on, so
    the events it reports in the past tense are mostly of that same day."""
    zones = _zones()
    count = 0
    for line in lines:
        words = line.text.split()
        if words and len(words) <= 2 and TIME_OF_DAY.match(words[0]) and all(w in zones for w in words[1:]):
            count += 1
            if count >= LIVE_STAMPS:
                return True
    return False


@functools.cache
def _furniture(language: str) -> frozenset[str]:
    """Words a dateline carries besides its date ("Updated on:", "PM", "EDT", "Uhr", "à"), from
    the time lexicons (English's, which has the time zones, and the article's language's)."""
    words: set[str] = set()
    for code in dict.fromkeys(("en", language)):
        words |= {_bare(str(w)) for w in lexicon.part("time/", code).get("dateline_words") or ()}
    return frozenset(words - {""})


@functools.cache
def _zones() -> frozenset[str]:
    """Time-zone abbreviations, as written (capitals: "EST" is a zone, "est" a French word)."""
    return frozenset(str(w) for w in lexicon.part("time/", "en").get("time_zones") or ())


def _bare(token: str) -> str:
    return re.sub(r"[\W_]+", "", token.casefold())


def _dateline_rest(rest: str, language: str, names: tuple[str, ...]) -> list[str]:
    """The words of a dateline's line besides its date that say something: punctuation, times of
    day, am/pm, time zones, lead words ("Updated on:", "Stand:", "Publié le") and the names of
    outlets and agencies are page furniture and do not count."""
    for name in names:
        if name in rest:
            rest = rest.replace(name, " ")
    furniture, zones = _furniture(language), _zones()
    out = []
    for token in rest.split():
        word = token.strip("()[]{},;:|/–—-•·")
        if not _bare(word) or TIME_OF_DAY.match(word) or _bare(word) in furniture or word in zones:
            continue
        out.append(word)
    return out


def _dateline(
    text: str,
    lines: list[Line],
    mentions: tuple[Mention, ...],
    language: str = "en",
    names: tuple[str, ...] = (),
) -> tuple[Mention, str] | None:
    """A full date on a short line of its own near the top ("April 22, 2021", "03.09.2025 16:48",
    "Updated on: August 18, 2025 / 9:12 PM EDT / CBS News"), or a day and month opening the
    first paragraph ("Kyiv, May 13 (AP) ..."). A line that reads as a sentence or a headline
    ("The war began on February 24, 2022", two or more ordinary lower-case words besides the
    furniture) is not a dateline."""
    top = [line for line in lines if line.kind != "blank"][:DATELINE_LINES]
    for line in top:
        inside = [m for m in mentions if line.start <= m.start and m.end <= line.end]
        for m in inside:
            if m.kind != "date":
                continue
            rest = _dateline_rest(text[line.start : m.start] + " " + text[m.end : line.end], language, names)
            if len(rest) > DATELINE_WORDS:
                continue
            plain = [w for w in rest if w[:1].islower() and w.isalpha()]
            if len(plain) >= 2:
                continue  # "Zelensky and Putin met on December 9, 2019": a headline or a sentence
            return m, "full"
    for line in top[:10]:
        for m in mentions:
            if m.kind != "month-day" or not (line.start <= m.start < line.start + 40):
                continue
            after = text[m.end : m.end + 14]
            if re.match(r"\s*(?:\(|[–—-]\s|:|/|$)", after) or line.end - line.start < 30:
                return m, "partial"
    return None


@functools.cache
def _labels(language: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """ "Published on:", "Publié le :", "Datum" / "Updated", "Modifié le :" right before a date."""
    part = lexicon.part("time/", language)

    def pattern(key: str) -> re.Pattern | None:
        words = sorted((str(w) for w in part.get(key) or ()), key=len, reverse=True)
        if not words:
            return None
        return re.compile(r"(?:^|[\s|•·(\[])(?:" + "|".join(map(re.escape, words)) + r")\s*:?\s*$", re.I)

    return pattern("published_labels"), pattern("updated_labels")


PLACE_OPENER = re.compile(r"^\s*[^\W\d_][\w’'. -]{1,30},\s*$")


def _stamps(
    text: str, mentions, language: str
) -> tuple[tuple[dt.date, Evidence] | None, tuple[dt.date, Evidence] | None]:
    """Dates a page labels as its publication or its last update, wherever they stand (a footer
    "Publié le : 03/09/2025 - 18:52  Modifié le : 04/09/2025"), and a paragraph opening with a
    place and a full date ("Минск, 24 мая 2024 года. ..."): the page's own stamps."""
    published_label, updated_label = _labels(language)
    published = updated = None
    for m in mentions:
        if m.kind != "date":
            continue
        before = text[text.rfind("\n", 0, m.start) + 1 : m.start]
        day = resolve(m, None).earliest
        if day is None:
            continue
        # "an article for Kommersant published on October 11, 2021, argued ...": a sentence, no stamp
        stamp = _stamp_line(before, text[m.end : _line_end(text, m.end)])
        if stamp and published is None and published_label is not None and published_label.search(before):
            published = (
                day,
                Evidence(
                    "dateline", m.text, m.start, m.end, detail="a date the page labels as its publication"
                ),
            )
        elif published is None and PLACE_OPENER.match(before) and before.strip()[:1].isupper():
            published = (
                day,
                Evidence("dateline", m.text, m.start, m.end, detail="a place and a date opening a paragraph"),
            )
        elif stamp and updated is None and updated_label is not None and updated_label.search(before):
            updated = (
                day,
                Evidence(
                    "dateline",
                    m.text,
                    m.start,
                    m.end,
                    detail=f"a date the page labels as its last update: published by {day}",
                ),
            )
    return published, updated


STAMP_WORDS_BEFORE = 7  # "By Jane Doe | Published on" at most: more is a sentence that names a date
STAMP_WORDS_AFTER = 12  # "- 18:52  Modifié le : 04/09/2025" and the like


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _stamp_line(before: str, after: str) -> bool:
    """Whether a labelled date stands as a stamp, not inside a sentence: few words before its label
    on its line, and few after it."""
    return len(before.split()) <= STAMP_WORDS_BEFORE and len(after.split()) <= STAMP_WORDS_AFTER


@functools.cache
def _copyright_pattern() -> re.Pattern | None:
    pattern = lexicon.common().get("copyright")
    return re.compile(str(pattern), re.I | re.M) if pattern else None


def _copyright(text: str) -> list[Constraint]:
    """ "© 2022 Deutsche Welle": a page is shown in its copyright's last year or later, so it was
    published by the end of that year. An assumption (a stale footer exists), dropped whenever it
    meets evidence as strong."""
    pattern = _copyright_pattern()
    found = list(pattern.finditer(text)) if pattern else []
    if not found:
        return []
    m = found[-1]
    year = int(m.group("year"))
    ev = Evidence(
        "copyright",
        m.group(0),
        m.start(),
        m.end(),
        detail=f"a page of {year} or later: published by {year}-12-31 (assumed)",
    )
    return [Constraint(STRENGTH["anchor-nearness"], None, dt.date(year, 12, 31), ev, assumed=True)]


_NAMES_CACHE: dict[str, tuple[str, ...]] = {}


def _source_names(config) -> tuple[str, ...]:
    """The names of the configured outlets and agencies, longest first (a dateline may end in one)."""
    if config is None:
        return ()
    key = getattr(config, "digest", None)
    if key is not None and key in _NAMES_CACHE:
        return _NAMES_CACHE[key]
    names = {o.name for o in getattr(config, "outlets", ())} | {
        a.name for a in getattr(config, "agencies", ())
    }
    names |= {alias for a in getattr(config, "agencies", ()) for alias in a.aliases}
    found = tuple(sorted((n for n in names if len(n) >= 2), key=len, reverse=True))
    if key is not None:
        _NAMES_CACHE[key] = found
    return found


def _in_sentence_of(text: str, start: int) -> str:
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    return text[lo:start]


def _text_constraints(mentions: list[Mention]) -> list[Constraint]:
    """Dates with a year named in the text: a past one bounds the publication from below, a
    future one from above; one whose clause gives no tense bounds nothing (the latest year a text
    names is as often a plan or a rule's start as a thing done)."""
    out = []
    for m in mentions:
        if not m.absolute:
            continue
        expr = resolve(m, None)
        if expr.earliest is None or expr.latest is None:
            continue
        ev = Evidence("mentioned-date", m.text, m.start, m.end)
        if m.tense is None:
            continue  # "from 2018 only films released ...", "gilt bis zum 03.04.2024": no tense, no side
        if m.tense == "future" and m.kind in ("year", "season"):
            continue  # "the ball, first dropped in 1907, will ...", "the 1994 Budapest Memorandum": a year is too easily misread as ahead
        if m.tense == "future":
            out.append(
                Constraint(
                    STRENGTH["mentioned-date"],
                    None,
                    expr.latest,
                    _detail(ev, f"named as ahead: published by {expr.latest}"),
                )
            )
        else:
            out.append(
                Constraint(
                    STRENGTH["mentioned-date"],
                    expr.earliest,
                    None,
                    _detail(ev, f"named as past: published on or after {expr.earliest}"),
                )
            )
    return out


DATELINE_YEARS = 8  # how many years after the earliest date a dateline without a year is looked for in


def _dateline_year(
    partial: Mention, lo: dt.date | None, hi: dt.date | None, weekdays: list[Mention]
) -> Constraint | None:
    """A dateline without a year ("MINSK, May 24 (Reuters)") in a text that says what it reports
    happened "on Friday": a wire story is of its dateline's day, so the year is one in which that
    day is that weekday (assumed): the only one the range [lo, hi] holds, else the first from lo
    when nothing bounds the range above, or the last up to hi when nothing bounds it below."""
    named = {m.weekday for m in weekdays if m.weekday is not None and not m.strict}
    if len(named) != 1 or (lo is None and hi is None):
        return None
    weekday = named.pop()
    first = lo.year if lo is not None else hi.year - DATELINE_YEARS + 1  # type: ignore[union-attr]
    last = hi.year if hi is not None else first + DATELINE_YEARS - 1
    days = [
        day
        for year in range(first, last + 1)
        if (day := _safe_date(year, partial.month or 1, partial.day or 1)) is not None
        and (lo is None or day >= lo)
        and (hi is None or day <= hi)
        and day.weekday() == weekday
    ]
    if not days or (lo is not None and hi is not None and len(days) != 1):
        return None
    day = days[0] if hi is None else days[-1]
    if lo is not None and hi is not None:
        where = f"the only {day:%A} {day:%-d %B} between {lo} and {hi}"
    elif hi is None:
        where = f"the first {day:%A} {day:%-d %B} on or after {lo}"
    else:
        where = f"the last {day:%A} {day:%-d %B} on or before {hi}"
    detail = f"dateline without a year: {day}, {where}, the weekday the text names (assumed)"
    return Constraint(
        STRENGTH["anchor-nearness"],
        day,
        day,
        Evidence("dateline", partial.text, partial.start, partial.end, detail=detail),
        assumed=True,
    )


def _yearless(mentions: list[Mention], lo: dt.date, hi: dt.date, partial: Mention | None) -> list[Constraint]:
    """Dates without a year ("on April 6", "in November") once the range fixes their year."""
    out = []
    for m in mentions:
        if m.kind not in ("month-day", "month"):
            continue
        if m.kind == "month" and m.tense is None:
            continue
        options = []
        for year in range(lo.year - 1, hi.year + 2):
            if m.kind == "month-day":
                try:
                    first = last = dt.date(year, m.month or 1, m.day or 1)
                except ValueError:
                    continue
            else:
                first = dt.date(year, m.month or 1, 1)
                last = dt.date(year + (m.month or 1) // 12, (m.month or 1) % 12 + 1, 1) - DAY
            if m is partial:
                ok = lo - DAY <= first <= hi
            elif m.tense == "past":
                ok = first <= hi and last >= lo - dt.timedelta(days=300)
            elif m.tense == "future":
                ok = last >= lo and first <= hi + dt.timedelta(days=300)
            else:
                ok = lo - dt.timedelta(days=NEAR_DAYS) <= first <= hi + dt.timedelta(days=NEAR_DAYS)
            if ok:
                options.append((first, last))
        if len(options) > 1 and m.kind == "month-day" and m.tense == "past" and lo <= options[-1][0] <= hi:
            options = options[
                -1:
            ]  # "told reporters on December 6": the latest such day, inside the range, is the news
        if len(options) != 1:
            continue
        first, last = options[0]
        before = len(out)
        ev = Evidence("mentioned-date", m.text, m.start, m.end)
        if m is partial:
            out.append(
                Constraint(
                    1.5,
                    first,
                    first,
                    Evidence("dateline", m.text, m.start, m.end, detail=f"dateline without a year: {first}"),
                )
            )
        elif m.tense == "past":
            out.append(
                Constraint(
                    STRENGTH["mentioned-date"],
                    first,
                    None,
                    _detail(
                        ev,
                        f"{first if first == last else first.strftime('%Y-%m')} is past: published on or after {first}",
                    ),
                )
            )
            if m.kind == "month-day":
                out.append(
                    Constraint(
                        STRENGTH["recent-date"],
                        None,
                        first + dt.timedelta(days=NEAR_DAYS),
                        _detail(
                            ev,
                            f"a date named without its year is recent: by {first + dt.timedelta(days=NEAR_DAYS)} (assumed)",
                        ),
                    )
                )
        elif m.tense == "future":
            out.append(
                Constraint(
                    STRENGTH["mentioned-date"],
                    None,
                    last,
                    _detail(
                        ev,
                        f"{first if first == last else first.strftime('%Y-%m')} is ahead: published by {last}",
                    ),
                )
            )
        else:
            out.append(
                Constraint(
                    STRENGTH["recent-date"],
                    first - dt.timedelta(days=NEAR_DAYS),
                    first + dt.timedelta(days=NEAR_DAYS),
                    _detail(ev, f"a date named without its year ({first}) is near the publication (assumed)"),
                )
            )
        if m.kind == "month-day":
            out[before:] = [replace(c, named=first) for c in out[before:]]
    return out


def _looking_back(counters: list[Constraint], mentions: list[Mention]) -> list[Constraint]:
    """A counter day before a full date the text names in the past tense ("on the second day of
    the war" in a text that says "Putin said on August 18, 2025") recalls that day: the text
    is of that day or later, not of it."""
    named = [resolve(m, None).earliest for m in mentions if m.kind == "date" and m.tense == "past"]
    latest_named = max((d for d in named if d), default=None)
    out = []
    for c in counters:
        if latest_named and c.latest and latest_named > c.latest:
            detail = f"{c.evidence.detail}; a later date is named as past ({latest_named}), so it recalls that day: on or after {c.earliest}"
            c = replace(c, latest=None, evidence=_detail(c.evidence, detail))
        out.append(c)
    return out


def _narrow(
    constraints: list[Constraint],
) -> tuple[dt.date | None, dt.date | None, list[Constraint], list[Constraint]]:
    """Intersect the constraints, strongest first; one that empties the range is dropped."""
    lo: dt.date | None = None
    hi: dt.date | None = None
    used, dropped = [], []
    for c in sorted(constraints, key=lambda c: (c.strength, c.assumed)):
        new_lo = max(d for d in (lo, c.earliest) if d) if (lo or c.earliest) else None
        new_hi = min(d for d in (hi, c.latest) if d) if (hi or c.latest) else None
        if new_lo and new_hi and new_lo > new_hi:
            dropped.append(c)
            continue
        if (new_lo, new_hi) != (lo, hi):
            used.append(c)
        lo, hi = new_lo, new_hi
    return lo, hi, used, dropped


def _same_sentence(text: str, a: Mention, b: Mention) -> bool:
    lo, hi = min(a.end, b.end), max(a.start, b.start)
    return hi - lo < 120 and not re.search(r"[.!?\n]\s", text[lo:hi])


YESTERDAYS = (-1, -2)  # "yesterday", "the day before yesterday": a day's lag the words name


def _choose_day(
    lo: dt.date,
    hi: dt.date,
    weekdays: list[Mention],
    known_days: set[dt.date],
    anchors: list[dt.date],
    days_back: tuple[int, ...] = (),
    this_week: frozenset[int] = frozenset(),
):
    """The publication day inside [lo, hi] that best fits the weekday cues: on or just after the
    latest weekday it reports ("on Friday" in a Friday story is that Friday), before the
    weekdays it announces, where a weekday coincides with a date the text names."""
    # Days as ordinals and weekdays as numbers: weekday_on's arithmetic, for up to WIDE days.
    back_cues = [(m.weekday or 0, m.strict) for m in weekdays if m.tense != "future"]
    # weekdays told in a sentence that says "this week": inside the publication's own week
    in_week = [m.start in this_week for m in weekdays if m.tense != "future"]
    ahead_cues = [(m.weekday or 0, m.strict) for m in weekdays if m.tense == "future"]
    known = {d.toordinal() for d in known_days}
    anchor_days = [a.toordinal() for a in anchors]
    first, first_weekday = lo.toordinal(), lo.weekday()
    best = None
    for offset in range((hi - lo).days + 1):
        day, weekday = first + offset, (first_weekday + offset) % 7
        past = [
            day - ((weekday - w) % 7 + (7 if strict and (weekday - w) % 7 < LAST_WEEKDAY_MIN_BACK else 0))
            for w, strict in back_cues
        ]
        ahead = [day + ((w - weekday) % 7 or (7 if strict else 0)) for w, strict in ahead_cues]
        coincide = sum(1 for w in past if w in known) + sum(1 for w in ahead if w in known)
        # "published the video yesterday" beside a known day: the day after it
        coincide += sum(1 for k in days_back if day + k in known)
        coincide -= 2 * sum(1 for d, flag in zip(past, in_week, strict=True) if flag and d < day - weekday)
        # "said Saturday" beside "last Saturday": a text that names both means two Saturdays
        collide = len(
            {d for d, (_, strict) in zip(past, back_cues, strict=True) if strict}
            & {d for d, (_, strict) in zip(past, back_cues, strict=True) if not strict}
        )
        lag = day - max(past) if past else 0
        spread = day - min(past) if past else 0
        near = min(abs(day - a) for a in anchor_days) if anchor_days else 0
        score = 10 * coincide - 15 * collide - 3 * lag - spread - 0.2 * near - 0.01 * offset
        if best is None or score > best[0]:
            best = (score, day, past, ahead)
    assert best is not None
    p = dt.date.fromordinal(best[1])
    past = [dt.date.fromordinal(d) for d in best[2]]
    ahead = [dt.date.fromordinal(d) for d in best[3]]
    earliest = max(lo, max(past)) if past else lo
    latest = min([hi, *([max(past) + 6 * DAY] if past else []), *ahead])
    latest = max(latest, p)
    earliest = min(earliest, p)
    if not anchor_days and not known and (hi - lo).days > ONE_WEEK_CHOICE:
        # Nothing but the weekdays to go by, and several weeks of the range fit them as well: the
        # day is a guess inside the range, which stays as wide as the evidence leaves it.
        return p, lo, hi
    return p, earliest, latest


def infer_publication(
    text: str,
    lines: list[Line],
    url: str | None,
    front_date: dt.date | None,
    language: str,
    *,
    config=None,
) -> DateEstimate:
    """When the article was published, from the strongest evidence it carries."""
    if front_date:
        return DateEstimate.day(
            front_date, (Evidence("front-matter", str(front_date), detail="set in the front matter"),)
        )
    mentions_all = scan(text, language)
    kind_at = _line_kinds(lines)
    mentions = [m for m in mentions_all if kind_at(m.start) == "text"]
    evidence: list[Evidence] = []
    found = _dateline(text, lines, tuple(mentions), language, _source_names(config))
    partial = None
    if found and found[1] == "full":
        m = found[0]
        day = resolve(m, None).earliest
        if day:
            evidence.append(
                Evidence("dateline", m.text, m.start, m.end, detail="a date on its own line near the top")
            )
            from_url = url_date(url, language)
            if from_url and from_url[0] == day:
                evidence.append(from_url[2])
            return DateEstimate.day(day, tuple(evidence))
    elif found:
        partial = found[0]
    stamped, updated = _stamps(text, mentions_all, language)
    if stamped is not None:
        return DateEstimate.day(stamped[0], (stamped[1],))
    from_url = url_date(url, language)
    if from_url and from_url[0] == from_url[1]:
        return DateEstimate.day(from_url[0], (from_url[2],))
    constraints: list[Constraint] = []
    if from_url:
        constraints.append(Constraint(2, from_url[0], from_url[1], from_url[2]))
    constraints += _looking_back(counter_constraints(text, language, config), mentions)
    constraints += anchor_constraints(text, language, config, live=_live_blog(lines))
    constraints += office_constraints(text, language, config)
    footer = [m.span() for m in (_copyright_pattern().finditer(text) if _copyright_pattern() else ())]
    constraints += _text_constraints([m for m in mentions if not any(a <= m.start < b for a, b in footer)])
    if updated is not None:
        constraints.append(Constraint(1.5, None, updated[0], updated[1]))
    constraints += _copyright(text)
    lo, hi, used, dropped = _narrow(constraints)
    chosen = _disambiguated(constraints, lo, hi)
    if chosen:
        constraints = constraints + chosen
        lo, hi, used, dropped = _narrow(constraints)
    extra: list[Constraint] = []
    for _ in range(2):
        if lo is None or hi is None or (hi - lo).days > 400:
            break
        extra = _yearless(mentions, lo, hi, partial)
        lo, hi, used, dropped = _narrow(constraints + extra)
    if partial is not None and (hi is None or lo is None or (hi - lo).days > 400):
        found_year = _dateline_year(
            partial, lo, hi, [m for m in mentions if m.kind == "weekday" and m.tense != "future"]
        )
        if found_year is not None:
            extra = [found_year]
            lo, hi, used, dropped = _narrow(constraints + extra)
    evidence = [c.evidence for c in sorted(used, key=lambda c: c.strength)]
    evidence += [c.evidence for c in constraints if c.ambiguous and c not in used]
    if lo is None or hi is None:
        if lo is not None:
            evidence.append(
                Evidence("open-range", "", detail=f"nothing bounds the date from above (on or after {lo})")
            )
        return DateEstimate(None, "unknown", lo, hi, tuple(evidence))
    if used and all(c.evidence.rule in BOUNDS_ONLY for c in used):
        # a title's first day and a copyright's last: bounds for other evidence, no date of their own
        return DateEstimate(None, "unknown", lo, hi, tuple(evidence))
    # a weekday inside a reference event's words is that event's day ("on the sidelines of Monday's
    # Normandy summit"), not a day the text looks back on
    events = [(c.evidence.start, c.evidence.end) for c in used if c.evidence.rule == "anchor-event"]
    weekdays = [
        m
        for m in mentions
        if m.kind == "weekday"
        and not (POSSESSIVE.match(text, m.end) and any(a <= m.start < b for a, b in events))
    ]
    value, earliest, latest = lo, lo, hi
    if weekdays and (hi - lo).days <= WIDE:
        known = {c.named for c in extra if c.named}
        known |= {d for m in mentions if m.kind == "date" and (d := resolve(m, None).earliest)}
        # the days of the events the text is written near: those that bound the range, and those
        # inside it that bound nothing (an edition of a yearly event the evidence singled out)
        anchors = [c.anchor for c in used if c.anchor]
        anchors += [
            c.anchor
            for c in constraints
            if c.anchor and c not in dropped and c not in used and lo <= c.anchor <= hi
        ]
        known |= set(anchors)
        # "four days after Monday's meeting": that Monday is a day the text names, too
        known |= {c.event for c in used if c.event}
        days_back = tuple(
            m.offset
            for m in mentions
            if m.kind == "relative" and m.unit == "day" and not m.anchor and m.offset in YESTERDAYS
        )
        this_week = frozenset(
            m.start
            for m in weekdays
            if any(
                r.kind == "relative" and r.unit == "week" and r.offset == 0 and _same_sentence(text, r, m)
                for r in mentions
            )
        )
        value, earliest, latest = _choose_day(lo, hi, weekdays, known, anchors, days_back, this_week)
        if any(c.guess for c in used) and all(m.tense == "future" for m in weekdays):
            # only days ahead ("on Friday it will be a year since"): any day before them fits
            value = _middle(value, earliest, latest)
        for m in weekdays:
            w = weekday_on(m, value, "future" if m.tense == "future" else "past")
            where = "ahead of" if m.tense == "future" else "on or before"
            evidence.append(
                Evidence(
                    "weekday-relative",
                    m.text,
                    m.start,
                    m.end,
                    detail=f"{w:%A} {w} is {where} the publication day",
                )
            )
    else:
        binding = next(
            (c for c in reversed(sorted(used, key=lambda c: c.strength)) if c.earliest == lo), None
        )
        if (
            binding is not None
            and binding.evidence.rule == "anchor-event"
            and binding.anchor
            and binding.anchor < lo
        ):
            # "after" an event: reports that look back on one come a day or two later.
            value = min(hi, lo + DAY)
            evidence.append(
                Evidence(
                    "report-lag",
                    "",
                    detail=f"a report looking back on an event of {binding.anchor}: {value} is a guess inside the range",
                )
            )
        elif binding is None or binding.evidence.rule != "counter" or binding.guess:  # "day N": that very day
            value = _middle(value, earliest, latest)
    for c in dropped:
        why = (
            "an assumption that contradicts other evidence" if c.assumed else "contradicts stronger evidence"
        )
        evidence.append(_detail(c.evidence, f"ignored, {why}: {c.evidence.detail or ''}".strip()))
    return DateEstimate(value, precision_of(earliest, latest), earliest, latest, tuple(evidence))


def _middle(value: dt.date, earliest: dt.date, latest: dt.date) -> dt.date:
    """A week-wide range is reported by its middle day, so that the value is never more than three
    days from the truth when the range holds it (an end of a week would be up to six days off)."""
    if precision_of(earliest, latest) != "week":
        return value  # a day is exact; a month or wider is no claim to a day, its start is kept
    return earliest + (latest - earliest) // 2


# ---------------------------------------------------------------------------------------------
# Statement dates.


@functools.lru_cache(maxsize=32)
def _resolved(text: str, language: str, reference: dt.date | None) -> tuple:
    """The article's expressions resolved against a reference, once per article and reference:
    (mention, expression) pairs in text order, and their starts (for bisecting a sentence)."""
    mentions = scan(text, language)
    return tuple(zip(mentions, timex_resolved(text, language, reference), strict=True)), [
        m.start for m in mentions
    ]


RANK = {"day": 0, "week": 1, "month": 2}
FAR_FROM_VERB = 100  # characters: a bare month this far from the verb of saying dates something else


def statement_date(
    sentence: Sentence,
    text: str,
    published: DateEstimate,
    language: str,
    *,
    config=None,
    speaker_at: int | None = None,
) -> DateEstimate:
    """When a statement was made: the date its sentence gives ("on April 6", "on Monday", "the
    day before"), resolved against the publication date; "earlier" gives a day before it that is
    not known; with no cue, the publication date, marked 'as reported'.

    speaker_at: the offset (in the text) of the speaker's reporting verb, when the caller knows
    it: of two day cues in one sentence, the one nearest that verb wins ("Le Kremlin a balayé
    mercredi les paroles du président, qui s'était déclaré la veille ..." is the Kremlin's
    Wednesday, and the president's day before). Without it, the cue nearest any reporting verb.
    The text is scanned and resolved once per article (cached), whatever the number of claims."""
    reference = published.value
    resolved, starts = _resolved(text, language, reference)
    first = bisect.bisect_left(starts, sentence.start)
    pairs = []
    for m, e in resolved[first:]:
        if m.start > sentence.end:
            break
        if m.end <= sentence.end:
            pairs.append((m, e))
    candidates = []
    blanked = _blanked(sentence, text)
    for m, e in pairs:
        if m.tense == "future" or e.value is None or e.precision not in RANK:
            continue
        if m.kind in ("year", "season"):
            continue
        if reference and e.earliest and e.earliest > reference:
            continue  # "starting from tomorrow": not when it was said
        if blanked and any(
            sentence.start <= a < sentence.end and not sentence.text[a - sentence.start].strip()
            for a in (m.start, m.end - 1)
        ):
            continue  # inside a quotation the caller blanked: the words' date, not the saying's
        if _period_start(text, m, language):
            continue  # "since the invasion began on 24 February": a period's start, not a saying
        if POSSESSIVE.match(text, m.end):
            continue  # "this week's offer", "Monday's talks": the day of something else
        distance = (
            _verb_distance(sentence, m, language)
            if speaker_at is None
            else _gap(m.start, m.end, speaker_at, speaker_at)
        )
        if e.precision == "month" and distance > FAR_FROM_VERB:
            continue  # "... the table where Putin had received Macron in February": another event's month
        candidates.append((RANK[e.precision], distance, m.start, m, e))
    if candidates:
        *_, m, e = min(candidates, key=lambda c: c[:3])
        if e.precision == "month" and config is not None:
            day = _event_of_month(sentence, text, language, config, e, published)
            if day is not None:
                return day
        return _from_expression(m, e, text, language, published)
    vague = next((m for m, _ in pairs if m.kind == "vague"), None)
    if vague is not None:
        latest = published.latest - DAY if published.latest else None
        return DateEstimate(
            None,
            "unknown",
            None,
            latest,
            (
                Evidence(
                    "earlier",
                    vague.text,
                    vague.start,
                    vague.end,
                    detail="before the publication, day not given",
                ),
            ),
        )
    if not published.known:
        return DateEstimate.unknown()
    season = _season_of_this_year(sentence, language, published)
    if season is not None:
        return season
    carried = _narrative_day(sentence, text, language, published, resolved, starts)
    if carried is None:
        carried = _news_day(sentence, text, language, published, resolved, starts)
    if carried is not None:
        return carried
    return as_reported(published)


SEASON_MONTHS_THIS_YEAR = {
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (1, 2),
}  # a year's winter: its start


@functools.cache
def _season_pattern(language: str) -> tuple[re.Pattern | None, dict[str, str]]:
    words = lexicon.part("time/", language)
    pattern = words.get("season_this_year")
    names = {str(n).casefold(): key for key, ns in (words.get("seasons") or {}).items() for n in ns}
    if not pattern or not names:
        return None, names
    alternation = "(?:" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + ")"
    return re.compile(
        r"(?<![\w])(?:" + str(pattern).replace("{season}", alternation) + r")(?![\w])", re.I
    ), names


def _season_of_this_year(sentence: Sentence, language: str, published: DateEstimate) -> DateEstimate | None:
    """ "In the spring of this year, Putin said", «Весной этого года Путин заявил»: a statement of a
    season of the article's year that is over, not of the article's day (a season still going on
    may hold the day, one ahead is a plan)."""
    pattern, names = _season_pattern(language)
    if pattern is None or published.value is None:
        return None
    m = pattern.search(sentence.text)
    if m is None:
        return None
    key = next((names[w] for w in sorted(names, key=len, reverse=True) if w in m.group(0).casefold()), None)
    if key not in SEASON_MONTHS_THIS_YEAR:
        return None
    year = published.value.year
    first, last = SEASON_MONTHS_THIS_YEAR[key]
    lo = dt.date(year, first, 1)
    hi = dt.date(year, last, 1) + relativedelta(months=1) - DAY
    if hi >= published.value:
        return None
    value = lo + (hi - lo) // 2
    start = sentence.start + m.start()
    detail = f"'{m.group(0)}' seen from {published.value}: {lo} to {hi}, a season over before the publication"
    return DateEstimate(
        value,
        precision_of(lo, hi),
        lo,
        hi,
        (Evidence("relative-date", m.group(0), start, start + len(m.group(0)), detail=detail),),
    )


def _event_of_month(
    sentence: Sentence, text: str, language: str, config, e, published: DateEstimate
) -> DateEstimate | None:
    """ "In an interview with Tucker Carlson in February, Putin said": a one-day reference event
    the sentence names, inside the month it gives, is the day of the saying. Only one such day,
    and never after the publication."""
    _, mentions, _ = _config_patterns(config, language)
    span = _straight(text[sentence.start : sentence.end])
    folded, digits = _folded(span)
    days: dict[dt.date, tuple[object, re.Match]] = {}
    for ref, _, pattern, needs in mentions:
        if ref.date != ref.last or not (e.earliest <= ref.date <= e.latest):
            continue
        if published.latest and ref.date > published.latest:
            continue
        if not _present(needs, folded, digits):
            continue
        m = pattern.search(span)
        if m:
            days.setdefault(ref.date, (ref, m))
    if len(days) != 1:
        return None
    (day, (ref, m)), *_ = days.items()
    start, end = sentence.start + m.start(), sentence.start + m.end()
    words = text[start:end]
    detail = f"'{words}' names {ref.title} ({day}), inside the month the sentence gives"
    return DateEstimate(day, "day", day, day, (Evidence("anchor-event", words, start, end, detail=detail),))


def as_reported(published: DateEstimate) -> DateEstimate:
    """A statement with no date of its own: the article's publication date, marked so."""
    if not published.known:
        return DateEstimate.unknown()
    return DateEstimate(
        published.value,
        published.precision,
        published.earliest,
        published.latest,
        (Evidence("as-reported", "", detail="no date in the sentence: the article's publication date"),),
    )


def _blanked(sentence: Sentence, text: str) -> bool:
    """Whether the caller passed the sentence with some words blanked (its quotations)."""
    return (
        sentence.text != text[sentence.start : sentence.end]
        and len(sentence.text) == sentence.end - sentence.start
    )


@functools.cache
def _period_patterns(language: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    words = lexicon.part("time/", language).get("period_start") or {}
    lead = re.compile(rf"(?<![\w])(?:{words['lead']})\s+(?:the\s+)?$", re.I) if words.get("lead") else None
    clause = re.compile(rf"(?<![\w])(?:{words['clause']})(?![\w])", re.I) if words.get("clause") else None
    return lead, clause


def _period_start(text: str, m: Mention, language: str) -> bool:
    """Whether the expression opens a period ("since March", "since the invasion began on 24
    February", «с 24 февраля»): the start of something, never the day a statement was made."""
    lead, clause = _period_patterns(language)
    before = text[max(0, m.start - 80) : m.start]
    if lead is not None and lead.search(before[-30:]):
        return True
    if clause is None:
        return False
    cuts = [c.end() for c in CLAUSE_END.finditer(before)]
    return clause.search(before[cuts[-1] if cuts else 0 :]) is not None


POSSESSIVE = re.compile(r"['’]s(?![\w])")
CARRY_DAYS = 7  # a narrative day carried to the next sentences is at most this old


@functools.lru_cache(maxsize=8)
def _paragraph_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text))]


def _narrative_day(
    sentence: Sentence, text: str, language: str, published: DateEstimate, resolved, starts
) -> DateEstimate | None:
    """The day of the narrative a sentence without a date of its own belongs to: "On Monday,
    Macron met Putin ... He said ..." is Monday. The most recent day named earlier in the same
    paragraph (never across paragraphs, never inside a quotation, never ahead, never a period's
    start, at most a week before the publication)."""
    reference = published.value
    if reference is None:
        return None
    paragraphs = _paragraph_starts(text)
    lo = paragraphs[bisect.bisect_right(paragraphs, sentence.start) - 1]
    if lo >= sentence.start:
        return None
    quoted = quotations(text[lo : sentence.start], lo)
    first = bisect.bisect_left(starts, lo)
    found = None
    for m, e in resolved[first:]:
        if m.end > sentence.start:
            break
        if (
            m.tense == "future"
            or e.precision != "day"
            or e.earliest is None
            or m.kind in ("date",)
            and m.tense is None
        ):
            continue
        if not (reference - dt.timedelta(days=CARRY_DAYS) <= e.earliest <= reference):
            continue
        if (
            any(a <= m.start < b for a, b in quoted)
            or _period_start(text, m, language)
            or POSSESSIVE.match(text, m.end)
        ):
            continue
        found = (m, e)
    if found is None:
        return None
    m, e = found
    # The day of someone's statement ("Ushakov said yesterday ...") is that statement's, not the
    # narrative's: only a sentence that reports no speech sets the day of the ones after it.
    cut = max(text.rfind(ch, lo, m.start) for ch in ".!?")
    stop = min(
        (i for i in (text.find(ch, m.end, sentence.start) for ch in ".!?") if i >= 0), default=sentence.start
    )
    if _verb_spans(text[max(cut + 1, lo) : stop], language):
        return None
    estimate = _from_expression(m, e, text, language, published)
    detail = f"no date in the sentence; the narrative it belongs to is of '{m.text}' ({e.value}), named earlier in the paragraph"
    return replace(estimate, evidence=(Evidence("narrative-day", m.text, m.start, m.end, detail=detail),))


EVENT_NOUN_REACH = 40  # characters before a day within which an event noun makes it the event's day
NEWS_DAY_LAG = (1, 2)  # days before the publication an article's news day may lie


def _news_day(
    sentence: Sentence, text: str, language: str, published: DateEstimate, resolved, starts
) -> DateEstimate | None:
    """The day the article's news happened, for a sentence with no day of its own: a story
    published the morning after ("Am Montagabend empfing Macron ...", "at the end of Monday's
    meetings") reports what was said that day. Only the last day named before the sentence
    counts, only when it is one or two days before a publication known to the day, and only a
    narrative sentence or an event's day ("Monday's talks") sets it, never someone's statement."""
    reference = published.value
    if reference is None or published.precision != "day":
        return None
    last = None
    for m, e in resolved[: bisect.bisect_left(starts, sentence.start)]:
        if m.end > sentence.start or e.precision not in ("day", "week") or m.tense == "future":
            continue  # a plan ("by the end of March") does not move the news
        last = (m, e)
    if last is None:
        return None
    m, e = last
    if e.precision != "day" or e.earliest is None or e.earliest != e.latest:
        return None
    if not (NEWS_DAY_LAG[0] <= (reference - e.earliest).days <= NEWS_DAY_LAG[1]):
        return None
    paragraphs = _paragraph_starts(text)
    lo = paragraphs[bisect.bisect_right(paragraphs, m.start) - 1]
    if any(a <= m.start < b for a, b in quotations(text[lo : m.end], lo)) or _period_start(text, m, language):
        return None
    if not POSSESSIVE.match(text, m.end) and not _event_day(text, m, language):
        cut = max(text.rfind(ch, lo, m.start) for ch in ".!?")
        stops = [i for i in (text.find(ch, m.end) for ch in ".!?") if i >= 0]
        if _verb_spans(text[max(cut + 1, lo) : min(stops, default=len(text))], language):
            return None  # "Peskov said on Monday": that statement's day, not the news day
    estimate = _from_expression(m, e, text, language, published)
    detail = f"no date in the sentence; the article's news is of '{m.text}' ({e.value}), the last day it names before it"
    return replace(estimate, evidence=(Evidence("narrative-day", m.text, m.start, m.end, detail=detail),))


@functools.cache
def _event_nouns(language: str) -> re.Pattern | None:
    words = lexicon.part("time/", language).get("event_nouns") or ()
    return re.compile(r"(?<![\w])(?:" + "|".join(map(str, words)) + r")(?![\w])", re.I) if words else None


def _event_day(text: str, m: Mention, language: str) -> bool:
    """ "... said after the third round of direct talks in Istanbul on July 23": the day is the
    talks', named right after them, not only the day of the saying."""
    nouns = _event_nouns(language)
    return bool(nouns and nouns.search(text, max(0, m.start - EVENT_NOUN_REACH), m.start))


@functools.cache
def _verbs(language: str) -> re.Pattern | None:
    verbs = lexicon.part("speech/", language).get("reporting_verbs") or ()
    if not verbs:
        return None
    return re.compile(
        r"(?<![\w])(?:" + "|".join(sorted(map(str, verbs), key=len, reverse=True)) + r")(?![\w])", re.I
    )


def _verb_distance(sentence: Sentence, m: Mention, language: str) -> int:
    """How far the expression is from a reporting verb: the date of the saying sits next to it
    ("Putin on Wednesday said"), not next to a dateline or another event."""
    try:
        verbs = _verbs(language)
    except re.error:
        return 0
    if verbs is None:
        return 0
    spans = _verb_spans(sentence.text, language)
    return min((_gap(m.start, m.end, sentence.start + a, sentence.start + b) for a, b in spans), default=0)


def _gap(start: int, end: int, a: int, b: int) -> int:
    """Characters between the span [start, end) and the span [a, b) (0 when they touch)."""
    return start - b if b <= start else a - end if a >= end else 0


@functools.lru_cache(maxsize=256)
def _verb_spans(sentence: str, language: str) -> tuple[tuple[int, int], ...]:
    """Where the reporting verbs of a sentence are (once per sentence, however many cues)."""
    verbs = _verbs(language)
    return tuple(v.span() for v in verbs.finditer(sentence)) if verbs is not None else ()


def _from_expression(m: Mention, e, text: str, language: str, published: DateEstimate) -> DateEstimate:
    reference = published.value
    assert e.earliest is not None and e.latest is not None
    widened = False
    if reference and _last_week_on_sunday(m, reference):
        # Said on a Sunday, "last week" is the ISO week before (TimeML) or, where weeks start on
        # Sunday, the one that ends the day before: both, at a coarser precision.
        e = replace(e, latest=reference - DAY)
        widened = True
    if e.precision == "day":
        value = e.earliest
    else:
        top = (
            min(e.latest, reference - DAY)
            if reference and e.latest >= reference and e.earliest < reference
            else e.latest
        )
        value = e.earliest + (top - e.earliest) // 2
    lo, hi = e.earliest, e.latest
    if (
        m.kind not in ("date",)
        and published.earliest
        and published.latest
        and published.earliest != published.latest
    ):
        # The same words seen from either end of the publication range.
        previous = _previous_day(text, language, m, published.earliest)
        lo = min(lo, resolve(m, published.earliest, previous).earliest or lo)
        previous = _previous_day(text, language, m, published.latest)
        hi = max(hi, resolve(m, published.latest, previous).latest or hi)
    if published.latest and hi > published.latest and m.tense != "future":
        hi = max(published.latest, lo)
    value = min(max(value, lo), hi)
    precision = (
        e.precision
        if published.precision == "day" or m.kind == "date"
        else max(
            e.precision,
            published.precision,
            key=lambda p: ("day", "week", "month", "year", "unknown").index(p),
        )
    )
    if widened:
        precision = max(
            precision,
            precision_of(lo, hi),
            key=lambda p: ("day", "week", "month", "year", "unknown").index(p),
        )
    rule = {"weekday": "weekday-relative", "date": "explicit-date", "month-day": "explicit-date"}.get(
        m.kind, "relative-date"
    )
    detail = f"'{m.text}' seen from {reference}: {e.value}"
    return DateEstimate(value, precision, lo, hi, (Evidence(rule, m.text, m.start, m.end, detail=detail),))


def _last_week_on_sunday(m: Mention, reference: dt.date) -> bool:
    return (
        m.kind == "relative"
        and m.unit == "week"
        and m.offset == -1
        and m.anchor is None
        and reference.weekday() == 6
    )


def _previous_day(text: str, language: str, mention: Mention, reference: dt.date) -> dt.date | None:
    if mention.anchor != "previous":
        return None
    previous = None
    for m, e in _resolved(text, language, reference)[0]:
        if m.start >= mention.start:
            break
        if e.precision == "day" and e.earliest:
            previous = e.earliest
    return previous
