"""Words for readers: dates written as certain as they are, evidence in words, safe article HTML.

Everything that turns input text into HTML goes through here, so there is one place to check
that raw HTML from an article never reaches a page and that only http(s) URLs become links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import markdown as markdown_lib
import nh3
from markupsafe import Markup

from timeline.model import DateEstimate, Evidence

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# The rules the loader and the normalizer name in Evidence.rule, said in words. A rule missing
# here is still shown (its name made readable), so a new rule never breaks a page.
RULE_WORDS = {
    "front-matter": "the file's front matter",
    "dateline": "the article's dateline",
    "url-date": "a date in the article's web address",
    "url-line": "the file's \u201cOriginal url\u201d line",
    "url-domain": "the domain of the article's web address",
    "telltale": "a line that only this outlet prints",
    "as-reported": "the publication date of the article",
    "reference-event": "the story's list of reference events",
    "counter": "a day counter anchored on a known date",
    "anchor-event": "a mention of a known event",
    "office": "a title its holder took on a known day",
    "mentioned-date": "a date named in the text",
    "weekday-relative": "a weekday read against the publication date",
    "earlier": "words placing the statement before the publication",
    "open-range": "an open range",
    "report-lag": "the usual lag of a report after the event it looks back on",
    "refers-to": "the date the statement names",
}

SAFE_SCHEMES = ("http", "https")


def rule_words(rule: str) -> str:
    """A rule name in words, for the "how this date is known" disclosures."""
    return RULE_WORDS.get(rule) or rule.replace("-", " ").replace("_", " ")


# ---------------------------------------------------------------------------------------------
# Dates


def _day_month(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _month_end(day: dt.date) -> dt.date:
    following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def human_date(estimate: DateEstimate | None) -> str:
    """A date written as certain as it is: "22 April 2021", "late January 2026", "April 2022 (approx.)",
    "between 25 April and 31 May 2022"; never more precise than the evidence."""
    if estimate is None or estimate.value is None:
        return "date unknown"
    value, low, high = estimate.value, estimate.earliest, estimate.latest
    if estimate.precision == "day":
        return _day(value)
    if low and high and low <= high:
        if low == high:
            return _day(low)
        if low.day == 1 and high == _month_end(low):
            return f"{MONTHS[low.month - 1]} {low.year}"
        if low == dt.date(low.year, 1, 1) and high == dt.date(low.year, 12, 31):
            return str(low.year)
        span = (high - low).days
        if low.year == high.year and low.month == high.month and span <= 11:
            middle = low + (high - low) / 2
            part = "early" if middle.day <= 10 else "mid" if middle.day <= 20 else "late"
            return f"{part} {MONTHS[low.month - 1]} {low.year}"
        if span <= 92:
            if low.year == high.year:
                start = str(low.day) if low.month == high.month else _day_month(low)
                return f"between {start} and {_day(high)}"
            return f"between {_day(low)} and {_day(high)}"
    if estimate.precision == "week":
        part = "early" if value.day <= 10 else "mid" if value.day <= 20 else "late"
        return f"{part} {MONTHS[value.month - 1]} {value.year}"
    if estimate.precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year} (approx.)"
    if estimate.precision == "year":
        return f"{value.year} (approx.)"
    return f"around {_day(value)} (approx.)"


def machine_date(estimate: DateEstimate | None) -> str:
    """The datetime attribute of a <time>: the smallest valid HTML date that holds the range (2021-04-22,
    2026-01, 2022), else the unit the written date names; "" when no single date can stand for it."""
    if estimate is None or estimate.value is None:
        return ""
    value = estimate.value
    if estimate.precision == "day":
        return value.isoformat()
    low, high = estimate.earliest, estimate.latest
    if low and high and low <= high:
        if (low.year, low.month) == (high.year, high.month):
            return f"{low.year:04d}-{low.month:02d}"
        if low.year == high.year:
            return f"{low.year:04d}"
        if (high - low).days <= 92:
            return ""  # written as a range across two years
    if estimate.precision in ("week", "month"):
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}"


# ---------------------------------------------------------------------------------------------
# URLs


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL that may go into an href, else None."""
    if not url:
        return None
    url = url.strip()
    if any(c in url for c in "\x00\n\r\t \"'<>`"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc:
        return None
    return url


def text_fragment(url: str | None, passage: str, words: int = 8) -> str | None:
    """A deep link to a passage of a page (a text fragment, #:~:text=start,end), for http(s) URLs only."""
    url = safe_url(url)
    if url is None:
        return None
    base = url.split("#", 1)[0]
    tokens = passage.split()
    if not tokens:
        return base

    def enc(part: list[str]) -> str:
        return quote(" ".join(part), safe="")

    if len(tokens) <= words:
        return f"{base}#:~:text={enc(tokens)}"
    half = words // 2
    return f"{base}#:~:text={enc(tokens[:half])},{enc(tokens[-half:])}"


# ---------------------------------------------------------------------------------------------
# Markdown and article text


ALLOWED_TAGS = {"p", "em", "strong", "a", "code", "br", "ul", "ol", "li", "blockquote"}
_ANCHOR_WITHOUT_HREF = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.DOTALL)
_MARKDOWN_SIGNS = re.compile(r"[*_\[\]`<>&\\#]|^\s*(?:[-+>]|\d+[.)])\s|^ {4}|\n", re.MULTILINE)
_MARK_OPEN = "\ue000"
_MARK_CLOSE = "\ue001"
_MARK_END = "\ue002"
_MARK_TOKENS = re.compile("\ue000([\\d,]+)\ue002|\ue001([\\d,]+)\ue002")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if safe_url(value) else None
    return value


def sanitize(fragment: str) -> str:
    """Sanitised HTML: a short list of text tags, no attribute but http(s) hrefs, no script content."""
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_keep_attribute,
        url_schemes=set(SAFE_SCHEMES),
        link_rel="noopener noreferrer nofollow",
    )
    return _ANCHOR_WITHOUT_HREF.sub(r"\1", cleaned)


def markdown_html(text: str) -> Markup:
    """Markdown notes as safe HTML. Raw HTML in the input is shown as text, never interpreted."""
    if not _MARKDOWN_SIGNS.search(text):
        return Markup(f"<p>{html.escape(text, quote=False)}</p>") if text.strip() else Markup("")
    if len(text) <= _SEEN_LENGTH:
        seen = _SEEN.get(text)
        if seen is None:
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.clear()
            seen = _SEEN[text] = _markdown_html(text)
        return Markup(seen)
    return Markup(_markdown_html(text))


# Short paragraphs that recur from article to article (a credit line "By [Agency](...)", a
# "Read more" link) are converted once per process: each conversion and sanitising is ~0.4 ms.
_SEEN: dict[str, str] = {}
_SEEN_LENGTH = 300
_SEEN_MAX = 4096


def _markdown_html(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return sanitize(_markdown(escaped))


_CONVERTER: list[markdown_lib.Markdown] = []


def _markdown(text: str) -> str:
    """markdown_lib.markdown(text), with one converter reset between texts instead of a new one
    for each (building it, with its extensions and patterns, cost half of every call)."""
    if not _CONVERTER:
        _CONVERTER.append(markdown_lib.Markdown(output_format="html"))
    md = _CONVERTER[0]
    try:
        return md.convert(text)
    finally:
        md.reset()


class _Nesting(HTMLParser):
    """Checks that every tag a fragment opens it also closes, in order."""

    VOID = {"br"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def _well_nested(fragment: str) -> bool:
    checker = _Nesting()
    checker.feed(fragment)
    checker.close()
    return checker.ok and not checker.stack


def _insert_marks(text: str, marks: Sequence[tuple[int, int, tuple[int, ...]]]) -> str:
    out, last = [], 0
    for start, end, numbers in marks:
        out.append(text[last:start])
        out.append(f"{_MARK_OPEN}{','.join(map(str, numbers))}{_MARK_END}")
        out.append(text[start:end])
        out.append(f"{_MARK_CLOSE}{','.join(map(str, numbers))}{_MARK_END}")
        last = end
    out.append(text[last:])
    return "".join(out)


def paragraph_html(
    text: str,
    marks: Sequence[tuple[int, int, tuple[int, ...]]],
    statement_href: dict[int, tuple[str, str]],
) -> Markup:
    """One paragraph of an article as safe HTML, its statements wrapped in <mark>.

    marks are (start, end, statement numbers) relative to the paragraph, sorted and disjoint;
    statement_href maps a statement number to (href, label). Markdown in the paragraph is honoured
    when the marks nest cleanly inside it; otherwise the paragraph is shown as plain text.
    """
    marked = _insert_marks(text, marks)
    plain = not _MARKDOWN_SIGNS.search(text)
    body = str(markdown_html(marked))
    body = _MARK_TOKENS.sub(lambda m: _mark_tag(m, statement_href), body)
    if marks and not plain and not _well_nested(body):
        plain = "".join(
            html.escape(part, quote=False) if i % 2 == 0 else part
            for i, part in enumerate(_split_tokens(marked))
        )
        body = "<p>" + _MARK_TOKENS.sub(lambda m: _mark_tag(m, statement_href), plain) + "</p>"
    return Markup(body)


def _split_tokens(marked: str) -> list[str]:
    """Alternating [text, token, text, token, ...] so only the text parts are escaped."""
    parts: list[str] = []
    last = 0
    for m in _MARK_TOKENS.finditer(marked):
        parts += [marked[last : m.start()], m.group(0)]
        last = m.end()
    parts.append(marked[last:])
    return parts


def _mark_tag(m: re.Match, statement_href: dict[int, tuple[str, str]]) -> str:
    if m.group(1) is not None:
        first, *more = (int(n) for n in m.group(1).split(","))
        return f'<mark id="s{first}">' + "".join(f'<span id="s{n}"></span>' for n in more)
    links = []
    for number in (int(n) for n in m.group(2).split(",")):
        href, label = statement_href.get(number, ("", ""))
        if href:
            links.append(
                f'<a class="statement-ref" href="{html.escape(href)}" '
                f'aria-label="Statement {number}: {html.escape(label)}">{number}</a>'
            )
    return "</mark>" + (f"<sup>{' '.join(links)}</sup>" if links else "")


def merge_ranges(ranges: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, number) ranges merged where they overlap: [(start, end, numbers)], sorted."""
    merged: list[list] = []
    for start, end, number in sorted(ranges):
        if end <= start:
            continue
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(number)
        else:
            merged.append([start, end, [number]])
    return [(s, e, tuple(sorted(set(n)))) for s, e, n in merged]


def evidence_sentence(evidence: Evidence) -> str:
    """One evidence in words: the rule, then its detail when it says more."""
    words = rule_words(evidence.rule)
    if evidence.detail and evidence.detail.lower() not in words.lower():
        return f"{words} ({evidence.detail})"
    return words


# The stances of the model (timeline.model.STANCES) in words: a label for one, a title for a list.
STANCE_WORDS = {
    "propose": ("proposal", "Proposals"),
    "invite": ("invitation", "Invitations"),
    "accept": ("acceptance", "Acceptances"),
    "open-conditional": ("open, on conditions", "Open to a meeting, on conditions"),
    "condition": ("condition", "Conditions set"),
    "reject": ("refusal", "Refusals"),
    "deny": ("denial", "Denials"),
    "comment": ("comment", "Comments"),
}


def stance_label(stance: str) -> str:
    return STANCE_WORDS.get(stance, (stance.replace("-", " "), ""))[0]


def stance_title(stance: str) -> str:
    return STANCE_WORDS.get(stance, ("", stance.replace("-", " ").capitalize()))[1]


def slugify(name: str) -> str:
    """A file-name slug for a name in any script ("The Moscow Times" -> "the-moscow-times")."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not name.isascii() or not slug:
        slug = f"{slug}-{hashlib.sha1(name.encode()).hexdigest()[:6]}".strip("-")
    return slug
