"""What changed since the last build: the difference between the previous export and the new one.

A reader following the story wants only what is new: a new statement, a new outlet reporting an
old one, a date that moved, a new disagreement between reports, an article that now needs a
person's eye. The comparison reads only the two exports (data/timeline.json), so it needs no
cache and works on any site built before.

Events are matched across builds by their reports (article and sentence), not by id alone,
because an event's id may change when a new report joins it. The list is deterministic: no clock
is read; change ids are hashes of the change itself; the date a change list belongs to is the
latest publication date in the build's data. When a rebuild brings nothing new, the previous list
stays on the page unchanged, so a reader never loses the latest news to a no-op rebuild; the same
input and the same previous output always give the same output.
"""

from __future__ import annotations

import hashlib
import json
import marshal
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

EXPORT = "data/timeline.json"
CHANGES = "data/changes.json"
KINDS = {  # kind: (one, many), in the order a reader scans them
    "new-event": ("new event", "new events"),
    "new-source": ("new source", "new sources"),
    "redated-event": ("re-dated event", "re-dated events"),
    "new-conflict": ("new disagreement", "new disagreements"),
    "removed-event": ("event no longer found", "events no longer found"),
    "new-article": ("new article", "new articles"),
    "redated-article": ("re-dated article", "re-dated articles"),
    "needs-review": ("article now needs review", "articles now need review"),
}


@dataclass(frozen=True)
class Change:
    kind: str
    text: str  # one line a reader understands
    event: str | None = None  # event id in the new build (the old one for a removed event)
    article: str | None = None
    id: str = ""

    @classmethod
    def make(cls, kind: str, text: str, event: str | None = None, article: str | None = None) -> Change:
        digest = hashlib.sha256(
            json.dumps([kind, text, event, article], ensure_ascii=False).encode()
        ).hexdigest()[:20]
        return cls(kind, text, event, article, f"change-{digest}")


@dataclass(frozen=True)
class ChangeLog:
    """The change list a site shows, and which build it belongs to."""

    changes: tuple[Change, ...]
    data_date: str | None  # the latest publication date in the data of the build that made the list
    first_build: bool = False  # the list of the site's first build: nothing to compare with

    def to_json(self) -> dict[str, Any]:
        return {
            "data_date": self.data_date,
            "first_build": self.first_build,
            "changes": [asdict(c) for c in self.changes],
        }

    @classmethod
    def from_json(cls, data: Any) -> ChangeLog | None:
        try:
            changes = tuple(Change(**c) for c in data["changes"])
            return cls(changes, data.get("data_date"), bool(data.get("first_build")))
        except (KeyError, TypeError):
            return None


# ---------------------------------------------------------------------------------------------
# Reading what the last build left


def _when(date: Any) -> dict[str, Any] | None:
    return (
        {"value": date.get("value"), "precision": date.get("precision", "unknown")}
        if isinstance(date, dict)
        else date
    )


def _sentence(text: Any) -> str:
    return hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def compact_event(e: dict[str, Any]) -> dict[str, Any]:
    """What compare() reads of one exported event, its sentences replaced by a short hash."""
    return {
        "id": e.get("id"), "kind": e.get("kind", "claim"), "speaker": e.get("speaker"), "stance": e.get("stance"),
        "venue": e.get("venue"), "headline": e.get("headline", e.get("id")), "date": _when(e.get("date")),
        "sources": [{"article": x["article"], "sentence": _sentence(x.get("sentence", ""))} for x in e.get("sources", [])],
        "conflicts": list(e.get("conflicts", [])),
    }  # fmt: skip


def compact_article(a: dict[str, Any]) -> dict[str, Any]:
    """What compare() reads of one exported article."""
    return {
        "id": a["id"],
        "title": a.get("title"),
        "outlet": a.get("outlet"),
        "published": _when(a.get("published")),
        "warnings": list(a.get("warnings") or []),
    }


def compact(export: dict[str, Any]) -> dict[str, Any]:
    """Only what compare() reads of an export, sentences replaced by a short hash: a tenth of its
    size, so that the previous build's export is not held whole while the new site is made."""
    events = [compact_event(e) for e in export.get("events", [])]
    articles = [compact_article(a) for a in export.get("articles", [])]
    return {"articles": articles, "events": events, "compact": True}


def _kept_path(cache_dir: Path, out_dir: Path) -> Path:
    name = hashlib.sha256(str(out_dir.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return cache_dir / f"site-{name}-export.bin"


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def keep_compact(cache_dir: Path | None, out_dir: Path, small: dict[str, Any]) -> None:
    """Keep the compact form of the export just written to out_dir in the cache folder, stamped
    with that file's size, time and inode: the next build compares with it instead of reading
    and reducing the whole export (tens of megabytes at 10,000 articles)."""
    stamp = _stamp(out_dir / EXPORT) if cache_dir is not None else None
    if cache_dir is None or stamp is None:
        return
    from timeline.cache import write_bytes_atomically

    write_bytes_atomically(_kept_path(cache_dir, out_dir), [marshal.dumps({"stamp": stamp, "export": small})])


def _kept(cache_dir: Path, out_dir: Path) -> dict[str, Any] | None:
    """The compact export keep_compact() stored, if out_dir's export is still the file it was made from."""
    try:
        kept = marshal.loads(_kept_path(cache_dir, out_dir).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(kept, dict) or kept.get("stamp") != _stamp(out_dir / EXPORT):
        return None
    export = kept.get("export")
    return export if isinstance(export, dict) and export.get("compact") else None


def read_previous(
    out_dir: Path, small: bool = False, cache_dir: Path | None = None
) -> tuple[dict[str, Any] | None, ChangeLog | None]:
    """The previous export and change list in out_dir, if any (unreadable files count as absent);
    with small, the export as compact() keeps it (from the cache folder when it holds the compact
    form of that very file)."""

    def read(name: str) -> Any:
        try:
            return json.loads((out_dir / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    kept = _kept(cache_dir, out_dir) if small and cache_dir is not None else None
    if kept is not None:
        raw = read(CHANGES)
        return kept, ChangeLog.from_json(raw) if isinstance(raw, dict) else None
    export = read(EXPORT)
    if not isinstance(export, dict) or not isinstance(export.get("events"), list):
        export = None
    elif small:
        try:
            export = compact(export)
        except (KeyError, TypeError, AttributeError):
            export = None
    raw = read(CHANGES)
    return export, ChangeLog.from_json(raw) if isinstance(raw, dict) else None


# ---------------------------------------------------------------------------------------------
# Comparing two exports


def _day(date: dict | None) -> str:
    date = date or {}
    value, precision = date.get("value"), date.get("precision", "unknown")
    if not value:
        return "no date"
    return value if precision == "day" else f"{value} ({precision})"


def _keys(event: dict) -> set[tuple[str, str]]:
    return {(s["article"], s.get("sentence", "")) for s in event.get("sources", [])}


def _uid(event: dict) -> tuple:
    """An event's identity inside one export (ids should be unique; this survives when they are not)."""
    return (event["id"], event.get("speaker"), event.get("stance"), event.get("venue"))


def _match(new: list[dict], old: list[dict]) -> dict[int, dict]:
    """index of a new event -> the old event it continues: the same identity, else the most shared reports."""
    old_by_uid = {_uid(e): e for e in old}
    by_key: dict[tuple[str, str], list[int]] = {}
    for index, event in enumerate(old):
        for key in _keys(event):
            by_key.setdefault(key, []).append(index)
    out: dict[int, dict] = {}
    taken: set[tuple] = set()
    for position, event in enumerate(new):
        if _uid(event) in old_by_uid:
            out[position] = old_by_uid[_uid(event)]
            taken.add(_uid(event))
    for position, event in enumerate(new):
        if position in out:
            continue
        shared: dict[int, int] = {}
        for key in _keys(event):
            for index in by_key.get(key, []):
                if _uid(old[index]) not in taken:
                    shared[index] = shared.get(index, 0) + 1
        if shared:
            best = min(shared, key=lambda i: (-shared[i], i))
            out[position] = old[best]
            taken.add(_uid(old[best]))
    return out


def compare(old: dict[str, Any], new: dict[str, Any]) -> tuple[Change, ...]:
    """Every change from the old export to the new one, in reading order."""
    old_articles = {a["id"]: a for a in old.get("articles", [])}
    new_articles = {a["id"]: a for a in new.get("articles", [])}
    old_events = [e for e in old.get("events", []) if e.get("kind", "claim") == "claim"]
    new_events = [e for e in new.get("events", []) if e.get("kind", "claim") == "claim"]

    def outlet(article_id: str) -> str:
        a = new_articles.get(article_id) or old_articles.get(article_id) or {}
        return a.get("outlet") or a.get("title") or article_id

    found: list[Change] = []
    matched = _match(new_events, old_events)
    for position, event in enumerate(new_events):
        before = matched.get(position)
        head = f"{event.get('headline', event['id'])} ({_day(event.get('date'))})"
        if before is None:
            outlets = ", ".join(dict.fromkeys(outlet(s["article"]) for s in event.get("sources", [])))
            found.append(Change.make("new-event", f"{head}, reported by {outlets}", event["id"]))
            continue
        old_articles_of = {s["article"] for s in before.get("sources", [])}
        for article in dict.fromkeys(s["article"] for s in event.get("sources", [])):
            if article not in old_articles_of:
                found.append(
                    Change.make(
                        "new-source", f"{head}: now also reported by {outlet(article)}", event["id"], article
                    )
                )
        if _day(before.get("date")) != _day(event.get("date")):
            found.append(
                Change.make(
                    "redated-event",
                    f"{head}: re-dated from {_day(before.get('date'))} to {_day(event.get('date'))}",
                    event["id"],
                )
            )
        for conflict in event.get("conflicts", []):
            if conflict not in before.get("conflicts", []):
                found.append(Change.make("new-conflict", f"{head}: {conflict}", event["id"]))
    continued = {_uid(e) for e in matched.values()}
    for event in old_events:
        if _uid(event) not in continued:
            head = f"{event.get('headline', event['id'])} ({_day(event.get('date'))})"
            found.append(Change.make("removed-event", f"{head}: no longer in the chronology", event["id"]))
    for ident, article in sorted(new_articles.items()):
        title = article.get("title") or ident
        name = f"{article['outlet']}: {title}" if article.get("outlet") else title
        before = old_articles.get(ident)
        if before is None:
            found.append(
                Change.make("new-article", f"{name} ({_day(article.get('published'))})", None, ident)
            )
        elif _day(before.get("published")) != _day(article.get("published")):
            text = (
                f"{name}: re-dated from {_day(before.get('published'))} to {_day(article.get('published'))}"
            )
            found.append(Change.make("redated-article", text, None, ident))
        if article.get("warnings") and (before is None or not before.get("warnings")):
            text = f"{name}: " + "; ".join(article["warnings"])
            found.append(Change.make("needs-review", text, None, ident))
    order = list(KINDS)
    return tuple(sorted(dict.fromkeys(found), key=lambda c: order.index(c.kind)))


def data_date(export: dict[str, Any]) -> str | None:
    """The latest publication date in a build's data: the date its change list belongs to."""
    days = [(a.get("published") or {}).get("value") for a in export.get("articles", [])]
    return max((d for d in days if d), default=None)


def update(
    previous: dict[str, Any] | None, last_log: ChangeLog | None, new: dict[str, Any]
) -> tuple[ChangeLog, tuple[Change, ...] | None]:
    """(the list to show, this build's own changes or None on a first build).

    A rebuild that changes nothing keeps the last list exactly as it was, byte for byte: a reader
    still sees the latest news, and a no-op rebuild (or one skipped as unchanged) leaves the site
    as it was. The exports are compared in their compact() form, so an in-memory export and one
    read back from disk compare equal.
    """
    # Only what compare() reads, in one plain form whether in memory or read back from disk.
    new = new if new.get("compact") else compact(new)
    if previous is None:
        return ChangeLog((), data_date(new), first_build=True), None
    own = compare(previous if previous.get("compact") else compact(previous), new)
    if own:
        return ChangeLog(own, data_date(new)), own
    return (last_log if last_log is not None else ChangeLog((), data_date(new))), own


def summary(own: tuple[Change, ...] | None, events: int = 0) -> str:
    """The one line `timeline build` prints."""
    if own is None:
        return f"changes since the last build: none to compare with (first build, {events} events)"
    if not own:
        return "changes since the last build: no changes"
    counts: dict[str, int] = {}
    for change in own:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    parts = [f"{n} {KINDS[k][0] if n == 1 else KINDS[k][1]}" for k, n in counts.items()]
    return "changes since the last build: " + ", ".join(parts)


# ---------------------------------------------------------------------------------------------
# The Atom feed


def link(change: Change, base: str) -> str:
    if change.event and change.kind != "removed-event":
        return f"{base}events/{change.event}.html"
    if change.article:
        return f"{base}articles/{change.article}.html"
    return f"{base}changes.html"


def atom(log: ChangeLog, title: str, base_url: str = "") -> str:
    """The change list as an Atom feed; every timestamp is the list's data date, never the clock."""
    base = base_url.rstrip("/") + "/" if base_url else ""
    updated = f"{log.data_date or '1970-01-01'}T00:00:00Z"
    feed_id = (
        f"{base}changes.xml"
        if base
        else "urn:timeline:changes:" + hashlib.sha256(title.encode()).hexdigest()[:20]
    )
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(title)}: what changed</title>",
        f"<id>{escape(feed_id)}</id>",
        f"<updated>{updated}</updated>",
        f'<link rel="self" href={quoteattr(base + "changes.xml")}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(base + "changes.html")}/>',
        "<author><name>timeline</name></author>",
    ]
    for change in log.changes:
        label = KINDS.get(change.kind, (change.kind, change.kind))[0]
        out += [
            "<entry>",
            f"<id>urn:timeline:{escape(change.id)}</id>",
            f"<title>{escape(label)}: {escape(change.text)}</title>",
            f"<updated>{updated}</updated>",
            f"<link href={quoteattr(link(change, base))}/>",
            f"<category term={quoteattr(change.kind)}/>",
            f"<summary>{escape(change.text)}</summary>",
            "</entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def files(log: ChangeLog, title: str, base_url: str = "") -> dict[str, str]:
    """The feed and the stored list (the page is rendered with the other pages)."""
    return {
        "changes.xml": atom(log, title, base_url),
        CHANGES: json.dumps(log.to_json(), ensure_ascii=False, indent=1) + "\n",
    }


def change_files(
    previous: tuple[dict[str, Any] | None, ChangeLog | None],
    export: dict[str, Any],
    config: Any,
    templates: Path,
) -> tuple[str, dict[str, str]]:
    """The build's hook: (the one-line summary, {changes.html, changes.xml, data/changes.json})."""
    from timeline.render.pages import PageJob, render_pages

    old_export, old_log = previous
    log, own = update(old_export, old_log, export)
    events = sum(1 for e in export.get("events", []) if e.get("kind", "claim") == "claim")
    out = files(log, config.site.title, config.site.base_url)
    groups = [(KINDS[k][1], [c for c in log.changes if c.kind == k]) for k in KINDS]
    context = {
        "site": config.site,
        "root": "",
        "path": "changes.html",
        "section": "changes",
        "log": log,
        "groups": [(label, items) for label, items in groups if items],
        "summary": summary(own, events),
    }
    if (templates / "changes.html").is_file():
        out.update(render_pages([PageJob("changes.html", "changes.html", context, "")], templates))
    return summary(own, events), out
