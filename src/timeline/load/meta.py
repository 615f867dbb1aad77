"""Title, original URL, outlet and credited agencies of an article."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
    """The publication: its URL's domain, else a telltale line or phrase from the configuration."""
    name = url_outlet(url, config)
    if name:
        return name, Evidence("url-domain", url or "", detail=f"the domain of the URL belongs to {name}")
    pattern, owners = _telltales(config)
    if pattern is None:
        return None, None
    names = _whole_line_names(config)
    for line in lines:
        if line.kind == "blank":
            continue
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


_TELLTALES: dict[str, tuple[re.Pattern | None, dict[str, tuple[int, str]]]] = {}
_NAMES: dict[str, dict[str, str]] = {}
COPYRIGHT = re.compile(r"^\s*(©|\(c\)|copyright\b)\s*(\d{4}(\s*[-–]\s*\d{4})?)?\s*", re.IGNORECASE)


def _whole_line_names(config: Config) -> dict[str, str]:
    """Outlet names and telltales, case-folded: a line that is only one of them names the outlet."""
    found = _NAMES.get(config.digest)
    if found is None:
        found = {}
        for outlet in config.outlets:
            for text in (outlet.name, *outlet.telltales):
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
            for telltale in outlet.telltales:
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
