"""One-line headlines made from the structured claim, never copied from an article's title.

"Zelensky invites Putin to Kyiv", "Peskov: a meeting only after conditions are met",
"Kremlin denies Putin invited Zelensky". Names are the configuration's display names (a
person by surname, an institution by its name without the article).
"""

from __future__ import annotations

from timeline.config import Config


def short_name(actor_id: str | None, config: Config) -> str | None:
    """How a headline names an actor: a person's surname, an institution's name without "the"."""
    actor = config.actor(actor_id)
    if actor is None:
        return actor_id
    if actor.kind == "person":
        return actor.name.split()[-1]
    name = actor.name.split(" (")[0]
    return name[4:] if name.lower().startswith("the ") else name


def headline(
    speaker: str | None, stance: str, venue: str | None, counterpart: str | None, config: Config
) -> str:
    who = short_name(speaker, config) or "Someone"
    whom = short_name(counterpart, config) if counterpart and counterpart != speaker else None
    place = config.place(venue)
    where = place.name if place else None
    with_whom = f" with {whom}" if whom else ""
    in_where = f" in {where}" if where else ""
    if stance == "invite":
        target = whom or "the other side"
        return f"{who} invites {target}" + (f" to {where}" if where else " to a meeting")
    if stance == "propose":
        return f"{who} proposes a meeting{with_whom}{in_where}"
    if stance == "accept":
        return f"{who} accepts a meeting{with_whom}{in_where}"
    if stance == "open-conditional":
        return f"{who}: open to a meeting{with_whom}{in_where}, on conditions"
    if stance == "condition":
        return f"{who}: a meeting{with_whom}{in_where} only once conditions are met"
    if stance == "reject":
        if where:
            return f"{who} rules out a meeting{with_whom} in {where}"
        return f"{who} rejects a meeting{with_whom}"
    if stance == "deny":
        subject = short_name(_principal(speaker, config), config)
        if subject and subject != who and whom:
            return f"{who} denies {subject} invited {whom}" + (f" to {where}" if where else "")
        return f"{who} denies an offer of a meeting{with_whom}{in_where}"
    return f"{who} on a meeting{with_whom}{in_where}"


def _principal(speaker: str | None, config: Config) -> str | None:
    """The leader a spokesperson or institution speaks for (the Kremlin's spokesman for Putin)."""
    actor = config.actor(speaker)
    if actor is None:
        return None
    if actor.kind == "person" and actor.institution is None:
        return actor.id
    institution = actor.id if actor.kind == "institution" else actor.institution
    # the leader of an institution: a person who belongs to it and has it as no spokesperson role
    leaders = [
        a.id
        for a in config.actors
        if a.kind == "person"
        and a.institution == institution
        and a.counterpart
        and config.actor(a.counterpart)
        and config.actor(a.counterpart).institution != institution
        and a.id not in (config.actor(institution).spokespeople if config.actor(institution) else ())
        and a.counterpart in {b.id for b in config.actors if b.counterpart == a.id}
    ]
    return leaders[0] if leaders else actor.id
