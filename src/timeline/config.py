"""The story's configuration (`timeline.yaml`), validated once on load into typed records.

Every option is declared here with its type; an unknown key, a wrong type or a dangling id
is a ConfigError that names the file and line, never a traceback later in the build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RELATIONS = ("before", "after", "during", "around")
# libyaml's parser when PyYAML was built with it (it keeps line marks): ten times faster.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ConfigError(Exception):
    """A problem in the configuration file, with the file and line it was found at."""


@dataclass(frozen=True)
class Descriptor:
    """A noun phrase that refers to an actor ("the Kremlin spokesman"), maybe only for a period."""

    text: str
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str = "person"
    side: str = "other"
    role: str = ""
    institution: str | None = None
    counterpart: str | None = None
    aliases: tuple[str, ...] = ()
    descriptors: dict[str, tuple[Descriptor, ...]] = field(default_factory=dict)
    spokespeople: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str = "city"
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outlet:
    name: str
    domains: tuple[str, ...] = ()
    telltales: tuple[str, ...] = ()
    language: str | None = None
    # the publication's other names (scripts, mastheads): shown as the page writes them
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Agency:
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A pattern naming a reference event, and what it implies: the text is before/after/during it."""

    pattern: str
    relation: str


@dataclass(frozen=True)
class Counter:
    """A day counter anchored on an event: day 1 is day_one ("day 1,436 of the war")."""

    day_one: dt.date
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReferenceEvent:
    id: str
    date: dt.date
    title: str
    end: dt.date | None = None
    venue: str | None = None
    show: bool = True
    counter: Counter | None = None
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    note: str = ""

    @property
    def last(self) -> dt.date:
        return self.end or self.date


@dataclass(frozen=True)
class Site:
    title: str
    description: str = ""
    base_url: str = ""
    language: str = "en"
    topic_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Limits:
    """Guards against enormous input: files above max_bytes are skipped; of a long text only the
    first analyse_chars characters are analysed (a news article is far shorter), so one scraped
    page of a megabyte cannot stall the build."""

    max_bytes: int = 5 * 1024 * 1024
    analyse_chars: int = 100_000


@dataclass(frozen=True)
class Config:
    path: str
    digest: str
    site: Site
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    outlets: tuple[Outlet, ...]
    agencies: tuple[Agency, ...]
    reference_events: tuple[ReferenceEvent, ...]
    limits: Limits = Limits()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_actors", {a.id: a for a in self.actors})
        object.__setattr__(self, "_places", {p.id: p for p in self.places})

    def actor(self, actor_id: str | None) -> Actor | None:
        return self._actors.get(actor_id) if actor_id else None

    def place(self, place_id: str | None) -> Place | None:
        return self._places.get(place_id) if place_id else None


# ---------------------------------------------------------------------------------------------
# Validation: a tiny declarative reader over the YAML node tree, so errors carry line numbers.


class _Reader:
    def __init__(self, path: str):
        self.path = path

    def fail(self, node: yaml.Node | None, message: str) -> ConfigError:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        return ConfigError(f"{self.path}{line}: {message}")

    def mapping(self, node: yaml.Node, where: str, allowed: set[str]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{where}: expected a mapping")
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.fail(key_node, f"{where}: unknown key '{key}' (known: {known})")
            if key in out:
                raise self.fail(key_node, f"{where}: key '{key}' given twice")
            out[key] = value_node
        return out

    def sequence(self, node: yaml.Node, where: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{where}: expected a list")
        return list(node.value)

    def scalar(self, node: yaml.Node, where: str) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise self.fail(node, f"{where}: expected a single value")
        try:
            return _construct(node)
        except (ValueError, yaml.YAMLError):
            return node.value  # e.g. 2022-13-01: the raw text, for the typed reader to reject

    def string(self, node: yaml.Node | None, where: str, default: str | None = None, required=False) -> Any:
        if node is None:
            if required:
                raise ConfigError(f"{self.path}: {where}: missing")
            return default
        value = self.scalar(node, where)
        if value is None:
            if required:
                raise self.fail(node, f"{where}: missing")
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(node, f"{where}: expected text")
        return str(value)

    def slug(self, node: yaml.Node | None, where: str, required=False) -> str | None:
        value = self.string(node, where, required=required)
        if value is not None and not SLUG.match(value):
            raise self.fail(node, f"{where}: '{value}' is not a lowercase slug like 'abu-dhabi'")
        return value

    def boolean(self, node: yaml.Node | None, where: str, default: bool) -> bool:
        if node is None:
            return default
        value = self.scalar(node, where)
        if not isinstance(value, bool):
            raise self.fail(node, f"{where}: expected true or false")
        return value

    def integer(self, node: yaml.Node | None, where: str, default: int) -> int:
        if node is None:
            return default
        value = self.scalar(node, where)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise self.fail(node, f"{where}: expected a positive whole number")
        return value

    def date(self, node: yaml.Node | None, where: str, required=False) -> dt.date | None:
        if node is None:
            if required:
                raise ConfigError(f"{self.path}: {where}: missing")
            return None
        value = self.scalar(node, where)
        if value is None and not required:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(node, f"{where}: expected a date like 2022-02-24, got '{value}'") from None

    def strings(self, node: yaml.Node | None, where: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null"):
            return (self.string(node, where),)
        return tuple(self.string(item, where) for item in self.sequence(node, where) if item is not None)

    def per_language(self, node: yaml.Node | None, where: str, item) -> dict[str, tuple]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{where}: expected a mapping from language code to a list")
        out = {}
        for key_node, value_node in node.value:
            lang = key_node.value
            if not re.fullmatch(r"[a-z]{2,3}", lang):
                raise self.fail(key_node, f"{where}: '{lang}' is not a language code like 'en'")
            out[lang] = tuple(
                item(v, f"{where}.{lang}") for v in self.sequence(value_node, f"{where}.{lang}")
            )
        return out

    def regex(self, node: yaml.Node, where: str) -> str:
        pattern = self.string(node, where, required=True)
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as error:
            raise self.fail(node, f"{where}: bad regular expression: {error}") from None
        return pattern


_SCALARS = yaml.SafeLoader("")  # one constructor for every scalar: building a loader per node is slow


def _construct(node: yaml.ScalarNode) -> Any:
    return _SCALARS.construct_object(node, deep=True)


def load_config(path: str | Path) -> Config:
    """Read and validate a configuration file; raises ConfigError with file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error.strerror}") from None
    return parse_config(raw, str(path))


def parse_config(raw: bytes, name: str = "timeline.yaml") -> Config:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{name}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    try:
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(f"{name}{line}: not valid YAML: {problem}") from None
    if root is None:
        raise ConfigError(f"{name}: the configuration is empty")
    r = _Reader(name)
    top = r.mapping(
        root, "top level", {"site", "actors", "places", "outlets", "agencies", "reference_events", "limits"}
    )
    if "site" not in top:
        raise ConfigError(f"{name}: 'site' is missing (it needs at least a title)")
    site = _site(r, top["site"])
    actors = (
        tuple(_actor(r, n, i) for i, n in enumerate(r.sequence(top.get("actors"), "actors")) if n)
        if "actors" in top
        else ()
    )
    places = (
        tuple(_place(r, n, i) for i, n in enumerate(r.sequence(top["places"], "places")))
        if "places" in top
        else ()
    )
    outlets = (
        tuple(_outlet(r, n, i) for i, n in enumerate(r.sequence(top["outlets"], "outlets")))
        if "outlets" in top
        else ()
    )
    agencies = (
        tuple(_agency(r, n, i) for i, n in enumerate(r.sequence(top["agencies"], "agencies")))
        if "agencies" in top
        else ()
    )
    events = (
        tuple(
            _reference(r, n, i) for i, n in enumerate(r.sequence(top["reference_events"], "reference_events"))
        )
        if "reference_events" in top
        else ()
    )
    limits = Limits()
    if "limits" in top:
        m = r.mapping(top["limits"], "limits", {"max_bytes", "analyse_chars"})
        limits = Limits(
            max_bytes=r.integer(m.get("max_bytes"), "limits.max_bytes", Limits.max_bytes),
            analyse_chars=r.integer(m.get("analyse_chars"), "limits.analyse_chars", Limits.analyse_chars),
        )
    config = Config(
        path=name,
        digest=hashlib.sha256(raw).hexdigest(),
        site=site,
        actors=actors,
        places=places,
        outlets=outlets,
        agencies=agencies,
        reference_events=events,
        limits=limits,
    )
    _check_references(config, root, r)
    return config


def _site(r: _Reader, node: yaml.Node) -> Site:
    m = r.mapping(node, "site", {"title", "description", "base_url", "language", "topic_terms"})
    return Site(
        title=r.string(m.get("title"), "site.title", required=True),
        description=r.string(m.get("description"), "site.description", ""),
        base_url=r.string(m.get("base_url"), "site.base_url", ""),
        language=r.string(m.get("language"), "site.language", "en"),
        topic_terms=r.per_language(m.get("topic_terms"), "site.topic_terms", r.string),
    )


def _descriptor(r: _Reader, node: yaml.Node, where: str) -> Descriptor:
    if isinstance(node, yaml.MappingNode):
        m = r.mapping(node, where, {"text", "from", "until"})
        return Descriptor(
            text=r.string(m.get("text"), f"{where}.text", required=True),
            since=r.date(m.get("from"), f"{where}.from"),
            until=r.date(m.get("until"), f"{where}.until"),
        )
    return Descriptor(text=r.string(node, where, required=True))


def _actor(r: _Reader, node: yaml.Node, index: int) -> Actor:
    where = f"actors[{index}]"
    keys = {
        "id",
        "name",
        "kind",
        "side",
        "role",
        "institution",
        "counterpart",
        "aliases",
        "descriptors",
        "spokespeople",
        "note",
    }
    m = r.mapping(node, where, keys)
    actor_id = r.slug(m.get("id"), f"{where}.id", required=True)
    where = f"actor '{actor_id}'"
    kind = r.string(m.get("kind"), f"{where}.kind", "person")
    if kind not in ("person", "institution"):
        raise r.fail(m.get("kind"), f"{where}.kind: expected person or institution, got '{kind}'")
    return Actor(
        id=actor_id,
        name=r.string(m.get("name"), f"{where}.name", required=True),
        kind=kind,
        side=r.string(m.get("side"), f"{where}.side", "other"),
        role=r.string(m.get("role"), f"{where}.role", ""),
        institution=r.slug(m.get("institution"), f"{where}.institution"),
        counterpart=r.slug(m.get("counterpart"), f"{where}.counterpart"),
        aliases=r.strings(m.get("aliases"), f"{where}.aliases"),
        descriptors=r.per_language(
            m.get("descriptors"), f"{where}.descriptors", lambda n, w: _descriptor(r, n, w)
        ),
        spokespeople=tuple(
            r.slug(n, f"{where}.spokespeople") for n in r.sequence(m["spokespeople"], f"{where}.spokespeople")
        )
        if "spokespeople" in m
        else (),
    )


def _place(r: _Reader, node: yaml.Node, index: int) -> Place:
    where = f"places[{index}]"
    m = r.mapping(node, where, {"id", "name", "kind", "country", "aliases", "note"})
    place_id = r.slug(m.get("id"), f"{where}.id", required=True)
    where = f"place '{place_id}'"
    return Place(
        id=place_id,
        name=r.string(m.get("name"), f"{where}.name", required=True),
        kind=r.string(m.get("kind"), f"{where}.kind", "city"),
        country=r.slug(m.get("country"), f"{where}.country"),
        aliases=r.strings(m.get("aliases"), f"{where}.aliases"),
    )


def _outlet(r: _Reader, node: yaml.Node, index: int) -> Outlet:
    where = f"outlets[{index}]"
    m = r.mapping(node, where, {"name", "names", "domains", "telltales", "language", "note"})
    name = r.string(m.get("name"), f"{where}.name", required=True)
    where = f"outlet '{name}'"
    return Outlet(
        name=name,
        domains=tuple(
            d.lower().removeprefix("www.") for d in r.strings(m.get("domains"), f"{where}.domains")
        ),
        telltales=r.strings(m.get("telltales"), f"{where}.telltales"),
        language=r.string(m.get("language"), f"{where}.language"),
        names=r.strings(m.get("names"), f"{where}.names"),
    )


def _agency(r: _Reader, node: yaml.Node, index: int) -> Agency:
    where = f"agencies[{index}]"
    if isinstance(node, yaml.ScalarNode):
        name = r.string(node, where, required=True)
        return Agency(name=name, aliases=(name,))
    m = r.mapping(node, where, {"name", "aliases", "note"})
    name = r.string(m.get("name"), f"{where}.name", required=True)
    return Agency(name=name, aliases=r.strings(m.get("aliases"), f"agency '{name}'.aliases") or (name,))


def _mention(r: _Reader, node: yaml.Node, where: str) -> Mention:
    m = r.mapping(node, where, {"pattern", "relation"})
    relation = r.string(m.get("relation"), f"{where}.relation", "around")
    if relation not in RELATIONS:
        raise r.fail(m.get("relation"), f"{where}.relation: expected one of {', '.join(RELATIONS)}")
    return Mention(pattern=r.regex(m.get("pattern"), f"{where}.pattern"), relation=relation)


def _reference(r: _Reader, node: yaml.Node, index: int) -> ReferenceEvent:
    where = f"reference_events[{index}]"
    keys = {"id", "date", "end", "title", "venue", "show", "counter", "mentions", "note"}
    m = r.mapping(node, where, keys)
    event_id = r.slug(m.get("id"), f"{where}.id", required=True)
    where = f"reference event '{event_id}'"
    counter = None
    if "counter" in m:
        c = r.mapping(m["counter"], f"{where}.counter", {"day_one", "patterns"})
        counter = Counter(
            day_one=r.date(c.get("day_one"), f"{where}.counter.day_one", required=True),
            patterns=r.per_language(c.get("patterns"), f"{where}.counter.patterns", r.regex),
        )
    date = r.date(m.get("date"), f"{where}.date", required=True)
    end = r.date(m.get("end"), f"{where}.end")
    if end and end < date:
        raise r.fail(m.get("end"), f"{where}.end: {end} is before its date {date}")
    return ReferenceEvent(
        id=event_id,
        date=date,
        end=end,
        title=r.string(m.get("title"), f"{where}.title", required=True),
        venue=r.slug(m.get("venue"), f"{where}.venue"),
        show=r.boolean(m.get("show"), f"{where}.show", True),
        counter=counter,
        mentions=r.per_language(m.get("mentions"), f"{where}.mentions", lambda n, w: _mention(r, n, w)),
        note=r.string(m.get("note"), f"{where}.note", ""),
    )


def _check_references(config: Config, root: yaml.Node, r: _Reader) -> None:
    """Ids unique, and every id a record names exists."""
    for kind, records in (
        ("actor", config.actors),
        ("place", config.places),
        ("reference event", config.reference_events),
    ):
        seen: set[str] = set()
        for record in records:
            if record.id in seen:
                raise ConfigError(f"{config.path}: {kind} id '{record.id}' is used twice")
            seen.add(record.id)
    actors = {a.id for a in config.actors}
    places = {p.id for p in config.places}
    for actor in config.actors:
        for ref, what in ((actor.institution, "institution"), (actor.counterpart, "counterpart")):
            if ref and ref not in actors:
                raise ConfigError(f"{config.path}: actor '{actor.id}': {what} '{ref}' is not an actor id")
        for ref in actor.spokespeople:
            if ref not in actors:
                raise ConfigError(
                    f"{config.path}: actor '{actor.id}': spokesperson '{ref}' is not an actor id"
                )
    for event in config.reference_events:
        if event.venue and event.venue not in places:
            raise ConfigError(
                f"{config.path}: reference event '{event.id}': venue '{event.venue}' is not a place id"
            )
