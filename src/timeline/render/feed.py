"""The Atom feed (feed.xml): one entry per statement, with ids and dates taken from the data only.

No wall-clock time goes in: the feed's <updated> is the latest statement date, so the same data
always gives the same bytes. Entry ids are name-based UUIDs of the event id (stable while the
event keeps its id); links are absolute under site.base_url, or relative to the feed when none is
set (Atom resolves them against the feed's own address).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from timeline.config import Config

NAMESPACE = uuid.UUID("6f1c7f2e-4a53-5bd4-9a6e-0c3f8f5b1d20")
EPOCH = dt.date(1970, 1, 1)


def atom_time(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def feed_context(claims: list, config: Config, by_id: dict) -> dict[str, Any]:
    """What feed.xml shows: a feed id, its updated time, and one entry per claim event (newest first)."""
    base = config.site.base_url.strip()
    if base and not base.endswith("/"):
        base += "/"
    seed = base or config.site.title
    dated = [v.sort[0] for v in claims if v.date.known]
    updated = max(dated) if dated else EPOCH
    entries = []
    for view in sorted(claims, key=lambda v: (v.sort[0] if v.date.known else updated, v.id), reverse=True):
        day = view.sort[0] if view.date.known else updated
        entries.append(
            {
                "id": f"urn:uuid:{uuid.uuid5(NAMESPACE, seed + '#' + view.id)}",
                "title": f"{view.date.text}: {view.headline}",
                "href": f"{base}{view.href}",
                "updated": atom_time(day),
                "view": view,
            }
        )
    return {
        "feed_id": f"urn:uuid:{uuid.uuid5(NAMESPACE, seed)}",
        "updated": atom_time(updated),
        "base": base,
        "entries": entries,
    }
