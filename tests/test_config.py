"""The configuration is validated on load: clear errors with file and line, typed records."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.config import ConfigError, parse_config

MINIMAL = b"site:\n  title: A story\n"


def test_minimal_configuration_has_defaults():
    config = parse_config(MINIMAL, "t.yaml")
    assert config.site.title == "A story"
    assert config.actors == ()
    assert config.limits.max_bytes == 5 * 1024 * 1024


def test_records_are_typed_and_indexed():
    config = parse_config(
        b"""site: {title: T}
actors:
  - {id: putin, name: Vladimir Putin, aliases: [Putin], descriptors: {en: [russian leader, {text: old role, until: 2020-01-01}]}}
places:
  - {id: kyiv, name: Kyiv, aliases: [Kiev]}
reference_events:
  - {id: invasion, date: 2022-02-24, title: Invasion, counter: {day_one: 2022-02-24, patterns: {en: ['day (?P<n>\\d+)']}}}
""",
        "t.yaml",
    )
    assert config.actor("putin").aliases == ("Putin",)
    assert config.actor("putin").descriptors["en"][1].until == dt.date(2020, 1, 1)
    assert config.place("kyiv").name == "Kyiv"
    assert config.reference_events[0].counter.day_one == dt.date(2022, 2, 24)
    assert config.actor("nobody") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"site:\n  title: T\n  colour: red\n", "t.yaml:3: site: unknown key 'colour'"),
        (b"site: {title: T}\nactors:\n  - {id: Putin, name: P}\n", "is not a lowercase slug"),
        (
            b"site: {title: T}\nactors:\n  - {id: a, name: A}\n  - {id: a, name: B}\n",
            "actor id 'a' is used twice",
        ),
        (
            b"site: {title: T}\nactors:\n  - {id: a, name: A, institution: nobody}\n",
            "institution 'nobody' is not an actor id",
        ),
        (
            b"site: {title: T}\nreference_events:\n  - {id: e, date: 2022-13-01, title: E}\n",
            "expected a date",
        ),
        (
            b"site: {title: T}\nreference_events:\n  - {id: e, date: 2022-01-02, end: 2022-01-01, title: E}\n",
            "is before its date",
        ),
        (
            b"site: {title: T}\nreference_events:\n  - {id: e, date: 2022-01-02, title: E, venue: mars}\n",
            "venue 'mars' is not a place id",
        ),
        (
            b"site: {title: T}\nreference_events:\n  - {id: e, date: 2022-01-02, title: E, mentions: {en: [{pattern: '(', relation: before}]}}\n",
            "bad regular expression",
        ),
        (b"site: [unclosed\n", "t.yaml:2: not valid YAML"),
        (b"", "the configuration is empty"),
        (b"actors: []\n", "'site' is missing"),
        (b"site: {title: T}\nlimits: {max_bytes: -1}\n", "expected a positive whole number"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_errors_name_the_file_and_what_is_wrong(text, message):
    with pytest.raises(ConfigError) as error:
        parse_config(text, "t.yaml")
    assert message in str(error.value)
    assert str(error.value).startswith("t.yaml")


def test_the_project_story_loads(project_config):
    assert project_config.actor("zelensky") is not None
    assert project_config.place("kyiv") is not None
    assert any(event.counter for event in project_config.reference_events)
