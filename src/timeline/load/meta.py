"""Title, original URL, outlet and credited agencies of an article."""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import urlsplit

from timeline import lexicon
from timeline.config import Config
from timeline.gazetteer import gazetteer
from timeline.load.clean import Line
from timeline.model import Evidence
from timeline.textindex import literal_trie

URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
URL_LABEL = re.compile(
    r"^(original[\s-]+url|source[\s-]+url|url|source|original|link|quelle|источник|джерело)\s*:\s*(.*)$", re.I
)
NAV = re.compile(r"\s[|·•]\s|\s/\s")
DATELIKE = re.compile(r"^[\d\s:.,/\-–GMTUTC()a-zA-Zа-яА-ЯіїєІЇЄ]{0,40}\d{4}[\d\s:.,/\-–GMTUTC()]*$")


def find_url(lines: list[Line], text: str) -> tuple[str | None, Evidence | None]:
    """The original URL: given on an "Original url:" line, or a line that is only a URL."""
    for index, line in enumerate(lines):
        if line.kind == "blank":
            continue
        label = URL_LABEL.match(line.text)
        candidates = []
        if label:
            rest = label.group(2)
            candidates.append(rest)
            candidates.extend(n.text for n in lines[index + 1 : index + 4] if n.kind != "blank")
        elif re.fullmatch(r"<?https?://\S+>?", line.text):
            candidates.append(line.text)
        for candidate in candidates:
            match = URL.search(candidate)
            if match and _safe_url(match.group(0)):
                url = match.group(0).rstrip(".,;>")
                start = text.find(url)
                return url, Evidence(
                    "url-line", url, start if start >= 0 else None, start + len(url) if start >= 0 else None
                )
            if candidate.strip():
                break
    return None, None


def _safe_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and "." in parts.netloc


def url_outlet(url: str | None, config: Config) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    for outlet in config.outlets:
        for domain in outlet.domains:
            if host == domain or host.endswith("." + domain):
                return outlet.name
    return None


def find_outlet(lines: list[Line], url: str | None, config: Config) -> tuple[str | None, Evidence | None]:
    """The publication: a known outlet (its URL's domain, else a telltale line or phrase from the
    configuration), named as the page writes it; else, for an outlet the configuration does not
    know, the holder of the page's copyright line or its masthead."""
    name, evidence = _known_outlet(lines, url, config)
    if name:
        return _as_written(lines, name, config), evidence
    return _page_outlet(lines, config)


def _known_outlet(lines: list[Line], url: str | None, config: Config) -> tuple[str | None, Evidence | None]:
    name = url_outlet(url, config)
    if name:
        return name, Evidence("url-domain", url or "", detail=f"the domain of the URL belongs to {name}")
    pattern, owners = _telltales(config)
    if pattern is None:
        return None, None
    names = _whole_line_names(config)
    forwarded = _page_words()[0]
    for line in lines:
        if line.kind == "blank" or forwarded.search(line.text):
            continue  # "Forwarded from X": X is where a repost came from, not this page's channel
        bare = COPYRIGHT.sub("", line.text).strip(" .|").casefold()
        if bare in names:
            return names[bare], Evidence(
                "telltale", line.text, line.start, line.end, detail="a line that is the outlet's name"
            )
        if COPYRIGHT.match(line.text):
            for name_folded, outlet in names.items():
                if (
                    len(name_folded) > 3
                    and name_folded in bare
                    and re.search(rf"(?<!\w){re.escape(name_folded)}(?!\w)", bare)
                ):
                    return outlet, Evidence("copyright", line.text, line.start, line.end)
        best = None
        for match in pattern.finditer(line.text):
            telltale = match.group(2)
            if _telltale_fits(telltale, line.text):
                rank, outlet = owners[telltale]
                best = min(best or (rank, outlet), (rank, outlet))
        if best:
            return best[1], Evidence("telltale", line.text, line.start, line.end)
    return None, None


NAV_SPLIT = re.compile(r"\s+[|·•—–]\s+|\s{3,}")
QUOTES = " .,;:|«»\"“”„'’‘"
QUALIFIER = re.compile(r"\s*[\[(][^\])]{1,30}[\])]$")  # "Ukraine NOW [English]": the channel is Ukraine NOW


def _parts(text: str) -> list[str]:
    """A chrome line's pieces: the line without a copyright mark, and its parts between separators."""
    bare = COPYRIGHT.sub("", text).strip(QUOTES)
    parts = [p.strip(QUOTES) for p in NAV_SPLIT.split(bare)]
    return [bare, *(p for p in parts if p and p != bare)]


def _as_written(lines: list[Line], name: str, config: Config) -> str:
    """A known outlet under the name its page shows (its masthead "РБК", "DW", "Вести.Ru"), when that
    is one of the outlet's names in the configuration; else its configured name."""
    outlet = next((o for o in config.outlets if o.name == name), None)
    if outlet is None or not outlet.names:
        return name
    forms = {form.casefold(): form for form in (outlet.name, *outlet.names)}
    for line in lines:
        if line.kind == "blank" or len(line.text) > 120:
            continue
        found = [forms[p.casefold()] for p in _parts(line.text) if p.casefold() in forms]
        if found:
            return _as_shown(max(found, key=len), name)
    return name


MASTHEAD_WORDS = 6  # a publication's name is short
MASTHEAD_CHARS = 60


def _page_outlet(lines: list[Line], config: Config) -> tuple[str | None, Evidence | None]:
    """An outlet the configuration does not know, from the page's own structure, where that is
    unambiguous: the holder of its copyright line ("© 2025 «Вісті Придніпров'я». Усі права
    захищено."), else its masthead (the first line, "NAME | Section", or a short line above a
    navigation bar or a "Forwarded from" line)."""
    for line in lines:
        if line.kind == "blank" or not COPYRIGHT.match(line.text):
            continue
        holder = _holder(line.text, config)
        if holder and not _byline_of(holder, lines):
            return holder, Evidence(
                "copyright", line.text, line.start, line.end, detail="the page's copyright holder"
            )
    shown = [line for line in lines if line.kind != "blank"]
    if len(shown) < 2:
        return None, None
    first, following = shown[0], shown[1:3]
    forwarded, sections, _ = _page_words()
    text = first.text.strip()
    if len(text) > MASTHEAD_CHARS or DATELIKE.match(text) or text[-1:] in ".!?:;,":
        return None, None
    parts = [p.strip(QUOTES) for p in NAV_SPLIT.split(text)]
    name = QUALIFIER.sub("", parts[0])
    tail = " ".join(parts[1:])
    below = any(_is_nav(n.text) or forwarded.search(n.text) for n in following)
    if not (len(parts) > 1 and len(tail.split()) <= 3 or below):
        return None, None
    if not _name_like(name, sections, config):
        return None, None
    return _display(name), Evidence(
        "masthead", first.text, first.start, first.end, detail="the page's masthead"
    )


BYLINE = re.compile(r"^\s*(by|von|par|автор|авторка|текст)\b\s*:?\s*", re.IGNORECASE)


def _byline_of(holder: str, lines: list[Line]) -> bool:
    """Whether the copyright holder is the page's author ("By Wire Staff" ... "© Wire Staff"): a
    writer or a desk, not the publication."""
    folded = holder.casefold()
    return any(
        BYLINE.match(line.text) and folded in line.text.casefold() for line in lines if line.kind != "blank"
    )


def _as_shown(page: str, name: str) -> str:
    """The page's own name for a known outlet, with its configured name where the two differ
    beyond case and accents ("Укрінформ (Ukrinform)"): readers of every language find it. A
    spelling that differs only so is the configured one (one outlet, one page)."""
    if _plain(page) == _plain(name):
        return name
    return f"{page} ({name})"


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if c.isalnum())


def _is_nav(text: str) -> bool:
    """A navigation bar: three or more short items between separators."""
    items = [p for p in re.split(r"\s*[|·•]\s*|\s{3,}", text.strip()) if p]
    return len(items) >= 3 and all(len(p.split()) <= 4 for p in items)


def _holder(text: str, config: Config) -> str | None:
    """Who a copyright line names: "© 2023 Eurasia Review Desk. All rights reserved." -> the desk."""
    _, sections, reserved = _page_words()
    rest = COPYRIGHT.sub("", text, count=1)
    rest = reserved.split(rest)[0]
    rest = re.split(r"(?<=[^\W\d]{3})\.\s|[|,;]", rest)[0].strip(QUOTES)
    return _display(rest) if _name_like(rest, sections, config) else None


def _name_like(text: str, sections: frozenset[str], config: Config) -> bool:
    """A short capitalised name that is neither a section label ("Politics") nor a credited agency."""
    words = text.split()
    if not 1 <= len(words) <= MASTHEAD_WORDS or len(text) > MASTHEAD_CHARS or not text[:1].isupper():
        return False
    if not re.search(r"[^\W\d_]{2}", text) or text.casefold() in sections:
        return False
    return not gazetteer(config).agencies(text)


def _display(name: str) -> str:
    """A masthead in capitals ("ВЕЧЕРНИЙ РОСТОВ") shown as a name ("Вечерний Ростов")."""
    if name.isupper() and len(name) > 4 and " " in name:
        return name.title()
    return name


@functools.cache
def _page_words() -> tuple[re.Pattern, frozenset[str], re.Pattern]:
    """Page words of every language (a page's chrome is often in another language than its text):
    "Forwarded from" lines, section labels, "All rights reserved"."""
    forwarded, sections, reserved = [], set(), []
    for code in lexicon.languages():
        lex = lexicon.lexicon(code)
        forwarded += lex.get("forwarded_lines", ())
        sections.update(s.casefold() for s in lex.get("page_sections", ()))
        reserved += lex.get("rights_reserved", ())
    never = r"(?!x)x"
    return (
        re.compile("|".join(forwarded) or never, re.IGNORECASE),
        frozenset(sections),
        re.compile("|".join(reserved) or never, re.IGNORECASE),
    )


_TELLTALES: dict[str, tuple[re.Pattern | None, dict[str, tuple[int, str]]]] = {}
_NAMES: dict[str, dict[str, str]] = {}
COPYRIGHT = re.compile(r"^\s*(©|\(c\)|copyright\b)\s*(\d{4}(\s*[-–]\s*\d{4})?)?\s*", re.IGNORECASE)


def _whole_line_names(config: Config) -> dict[str, str]:
    """Outlet names and telltales, case-folded: a line that is only one of them names the outlet."""
    found = _NAMES.get(config.digest)
    if found is None:
        found = {}
        for outlet in config.outlets:
            for text in (outlet.name, *outlet.names, *outlet.telltales):
                found.setdefault(text.casefold(), outlet.name)
        _NAMES[config.digest] = found
    return found


def _telltales(config: Config) -> tuple[re.Pattern | None, dict[str, tuple[int, str]]]:
    """One regex for every telltale of every outlet, compiled once per configuration.

    A telltale counts as a whole line, a masthead line ("UNN | Politics"), a source line
    ("Source: TRT World and agencies") or a sign-off ("More from National Review").
    """
    found = _TELLTALES.get(config.digest)
    if found is None:
        owners: dict[str, tuple[int, str]] = {}
        for rank, outlet in enumerate(config.outlets):
            for telltale in (*outlet.telltales, *outlet.names):
                owners.setdefault(telltale, (rank, outlet.name))
        if owners:
            alternation = literal_trie(owners)  # what the escaped telltales, longest first, would match
            pattern = re.compile(rf"(^|[\s|/(:])({alternation})(?=$|[\s|/),.:;!])")
        else:
            pattern = None
        found = _TELLTALES[config.digest] = (pattern, owners)
    return found


def _telltale_fits(telltale: str, line: str) -> bool:
    return len(line) <= len(telltale) + 40 or line.lower().startswith(("source:", "джерело:", "источник:"))


def find_agencies(lines: list[Line], config: Config) -> tuple[str, ...]:
    """Wire and photo agencies credited in bylines, datelines, credit lines or a closing (AFP/dpa)."""
    found: list[str] = []
    g = gazetteer(config)
    for line in lines:
        if line.kind == "blank":
            continue
        short = len(line.text) <= 80
        for mention in g.agencies(line.text):
            before = line.text[: mention.start]
            after = line.text[mention.end :]
            credit = short or re.search(r"[(/]\s*$", before) or re.match(r"\s*[)/]", after)
            credit = credit or re.search(r"\b(by|photo|foto|фото|снимки|bild)\b[^.]{0,30}$", before, re.I)
            if credit and mention.id not in found:
                found.append(mention.id)
    return tuple(found)


_TITLE_TELLTALES: dict[str, frozenset[str]] = {}


def _title_telltales(config: Config) -> frozenset[str]:
    """Outlet names and telltales as they stand (a line that is one is no headline), once per configuration."""
    found = _TITLE_TELLTALES.get(config.digest)
    if found is None:
        found = _TITLE_TELLTALES[config.digest] = frozenset(
            {t for o in config.outlets for t in o.telltales} | {o.name for o in config.outlets}
        )
    return found


def find_title(lines: list[Line], config: Config, front: str | None) -> tuple[str | None, int | None]:
    """The headline: front matter, else the first line that reads like a headline.

    Mastheads, navigation bars ("Home | Politics"), section labels, dates and bylines are
    passed over; returns the title and the index of its line.
    """
    if front:
        return front, None
    telltales = _title_telltales(config)
    for index, line in enumerate(lines):
        if line.kind != "text":
            continue
        text = line.text
        words = text.split()
        if text in telltales or NAV.search(text) or DATELIKE.match(text):
            continue
        if len(words) < 4 or len(text) < 20 or len(text) > 300:
            continue
        if re.match(r"^(by|von|par|автор)\s", text, re.I):
            continue
        return text.strip("# *"), index
    return None, None
