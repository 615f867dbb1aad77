"""The macros of templates/_macros.html that every page repeats, written in Python.

A chronology entry, a line of an event or article list and the "how this date is known" list are
rendered tens of thousands of times in a big site; through Jinja2 each costs a macro call, a new
context and an escape call per value. These functions give the same bytes (tests/test_render.py
checks them against the macros on the seed and corpus sites) at a fraction of the cost.

They stand for one version of _macros.html: MACROS_SHA256 is its hash, and pages.py uses them
only for a template folder whose _macros.html has exactly that hash (an edited or a user's own
_macros.html is rendered through its macros).
"""

from __future__ import annotations

from typing import Any

from markupsafe import escape

try:  # the C escaper on a str, without building a Markup for every value
    from markupsafe._speedups import _escape_inner as _escape_str  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - markupsafe without its speedups

    def _escape_str(text: str) -> str:
        return str(escape(text))


MACROS_SHA256 = (
    "5993b42ac4f9fe73af820dd8f93edf534d90722135e0e5a8f9b2b573859b6b09"  # of templates/_macros.html
)


def e(value: Any) -> str:
    """What Jinja2's autoescaping prints for a value: str escaped, markup as it is, others as str()."""
    if type(value) is str:
        return _escape_str(value)
    return str(escape(value))


def date(d: Any) -> str:
    """pages.date_html as a str."""
    if d.datetime:
        return f'<time datetime="{d.datetime}">{e(d.text)}</time>'
    return f'<span class="date-unknown">{e(d.text)}</span>'


def link(item: Any, root: str) -> str:
    """pages.link_html as a str."""
    if item.href:
        return f'<a href="{e(root)}{e(item.href)}">{e(item.label)}</a>'
    return e(item.label)


def evidence_item(ev: Any, root: str) -> str:
    out = e(ev.words)
    if ev.text:
        out += f': <q class="verbatim">{e(ev.text)}</q>'
    if ev.article:
        out += f" (in {link(ev.article, root)})"
    return out


def evidence_list(items: Any, root: str) -> str:
    if not items:
        return ""
    return '<ul class="evidence">' + "".join(f"<li>{evidence_item(x, root)}</li>" for x in items) + "</ul>"


def how_known(view: Any, root: str) -> str:
    out = ['<ul class="evidence">\n']
    for r in view.reports:
        line = "  <li>" + link(r.article, root)
        if r.said:
            line += ": the statement " + ("is dated" if r.said.known else "has no date")
            if r.said.known:
                line += " " + date(r.said)
            for i, ev in enumerate(r.said_evidence):
                line += ("," if i == 0 else ";") + " from " + evidence_item(ev, root)
        line += ".\n  The article was published " + (
            date(r.published) if r.published.known else "on a date not known"
        )
        for i, ev in enumerate(r.published_evidence):
            line += ("," if i == 0 else ";") + " from " + evidence_item(ev, root)
        out.append(line + ".</li>\n")
    for ev in view.evidence:
        out.append(f"  <li>{evidence_item(ev, root)}.</li>\n")
    if not view.reports and not view.evidence:
        out.append("  <li>No evidence dates this statement.</li>\n")
    out.append("</ul>")
    return "".join(out)


def reported_by(view: Any, root: str) -> str:
    reports = view.reports
    if not reports:
        return ""
    out = ['<p class="reported-by">Reported by\n']
    many = len(reports) > 1
    last = len(reports) - 1
    for i, r in enumerate(reports):
        line = link(r.article, root)
        if r.original:
            line += (
                f' <a class="original" href="{e(r.original)}" rel="noopener noreferrer">original'
                f'<span class="visually-hidden"> report by {e(r.article.label)}{f" ({i + 1})" if many else ""}</span></a>'
            )
        out.append(line + ("," if i != last else "") + "\n")
    out.append("</p>\n")
    return "".join(out)


def event_entry(view: Any, root: str, level: int = 4) -> str:
    kind, stance = e(view.kind), e(view.stance)
    tag = (
        ' · <span class="tag tag-context">Context</span>'
        if view.kind == "context"
        else f' · <span class="tag">{e(view.stance_label)}</span>'
    )
    headline = e(view.headline)
    title = f'<a href="{e(root)}{e(view.href)}">{headline}</a>' if view.href else headline
    out = [
        f'<article class="event event-{kind} stance-{stance}" id="{e(view.id)}" data-kind="{kind}" '
        f'data-speaker="{e(view.speaker_id)}" data-venue="{e(view.venue_id or "_none")}" data-stance="{stance}">\n'
        f'  <p class="event-meta">{date(view.date)}{tag}</p>\n'
        f'  <h{level} class="event-headline">{title}</h{level}>\n'
    ]
    if view.quotes:
        out.append(f'  <blockquote class="quote"><p>{e(view.quotes[0])}</p></blockquote>\n')
    out.append(f"  {reported_by(view, root)}\n")
    if view.conflicts:
        items = "".join(f"<li>{e(c)}</li>" for c in view.conflicts)
        out.append(
            f'  <div class="conflicts"><p><strong>The reports disagree:</strong></p><ul>{items}</ul></div>\n'
        )
    out.append(
        '  <details class="how">\n'
        f'    <summary>How this date is known<span class="visually-hidden">: {headline}</span></summary>\n'
        f"    {how_known(view, root)}\n"
        "  </details>\n"
        "</article>"
    )
    return "".join(out)


def event_line(v: Any, root: str) -> str:
    headline = e(v.headline)
    title = f'<a href="{e(root)}{e(v.href)}">{headline}</a>' if v.href else headline
    count = ""
    if v.reports:
        n = len(v.reports)
        count = f' <span class="count">({n} report{"s" if n != 1 else ""})</span>'
    return f'<li>{date(v.date)} · <span class="tag">{e(v.stance_label)}</span> {title}{count}</li>'


def article_line(s: Any, root: str) -> str:
    outlet = link(s.outlet, root) if s.outlet else "outlet unknown"
    n = s.statements
    count = f" · {n} statement{'s' if n != 1 else ''}" if n else ""
    return (
        f'<li><a href="{e(root)}{e(s.href)}">{e(s.title)}</a> <span class="article-meta">{outlet} · '
        f"{date(s.published)}{count}</span></li>"
    )


def lines(items: list[str], open_tag: str, close_tag: str) -> str:
    """event_list/article_list around lines already rendered: the list, or "None." when empty."""
    if not items:
        return "<p>None.</p>\n"
    return open_tag + "\n" + "".join(f"  {x}\n" for x in items) + close_tag + "\n"
