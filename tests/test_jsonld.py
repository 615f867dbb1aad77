"""schema.org Claim JSON-LD: valid JSON inside a script element, one appearance per report."""

from __future__ import annotations

import datetime as dt
import json
import re

import jinja2

from timeline.jsonld import claim, schema_date, script_json
from timeline.model import Article, DateEstimate, Event, Source
from timeline.reports import chronology

TEMPLATES = __import__("pathlib").Path(__file__).resolve().parents[1] / "templates"


def article(ident: str, published: DateEstimate, url: str | None = None) -> Article:
    return Article(
        ident,
        f"{ident}.txt",
        "0" * 64,
        "t",
        "en",
        f"Title {ident}",
        f"Outlet {ident}",
        (),
        url,
        published,
        (),
    )


HOSTILE = 'Meet "anywhere" </script><script>alert(1)</script> <!-- & more'


def event(quotes=(HOSTILE,)) -> Event:
    sources = (Source("a", "s", 0, 1), Source("b", "s", 0, 1))
    return Event(
        "putin-2021-04-22-abc123",
        "claim",
        DateEstimate.day(dt.date(2021, 4, 22)),
        "putin",
        "invite",
        "moscow",
        "zelensky",
        "Putin invites Zelensky to Moscow",
        quotes=quotes,
        sources=sources,
    )


ARTICLES = {
    "a": article("a", DateEstimate.day(dt.date(2021, 4, 22)), "https://example.org/a"),
    "b": article("b", DateEstimate(dt.date(2021, 4, 24), "week", dt.date(2021, 4, 23), dt.date(2021, 4, 25))),
}


def parse_script(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_claim_round_trips_through_a_script_element(mini_config):
    data = claim(event(), ARTICLES, mini_config)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)
    html = env.get_template("_jsonld.html").render(jsonld=script_json(data))
    assert "</script><script>" not in html and "<!--" not in html
    back = parse_script(html)
    assert back == json.loads(json.dumps(data))
    assert back["@context"] == "https://schema.org" and back["@type"] == "Claim"
    assert back["text"] == HOSTILE
    assert back["author"] == {"@type": "Person", "name": "Vladimir Putin"}
    assert back["dateCreated"] == "2021-04-22"
    assert len(back["appearance"]) == 2
    assert [w["publisher"]["name"] for w in back["appearance"]] == ["Outlet a", "Outlet b"]
    assert back["appearance"][0]["url"] == "https://example.org/a"
    assert back["appearance"][0]["datePublished"] == "2021-04-22"
    assert back["appearance"][1]["datePublished"] == "2021-04"  # only as precise as known
    assert back["firstAppearance"] == back["appearance"][0]
    assert back["datePublished"] == "2021-04-22"


def test_no_first_appearance_when_the_order_is_uncertain(mini_config):
    articles = {
        **ARTICLES,
        "a": article(
            "a", DateEstimate(dt.date(2021, 4, 24), "month", dt.date(2021, 4, 1), dt.date(2021, 4, 30))
        ),
    }
    chron = chronology(event(), articles)
    data = claim(event(), articles, mini_config, chron)
    assert not chron.certain and "firstAppearance" not in data and len(data["appearance"]) == 2


def test_institution_is_an_organization_and_headline_stands_in_for_a_quote(mini_config):
    ev = Event(
        "k",
        "claim",
        DateEstimate.unknown(),
        "kremlin",
        "deny",
        None,
        None,
        "The Kremlin denies",
        sources=(Source("a", "s", 0, 1),),
    )
    data = claim(ev, ARTICLES, mini_config)
    assert data["author"]["@type"] == "Organization" and data["text"] == "The Kremlin denies"
    assert "dateCreated" not in data


def test_schema_dates():
    assert schema_date(DateEstimate.unknown()) is None
    assert (
        schema_date(DateEstimate(dt.date(2022, 5, 13), "month", dt.date(2022, 4, 25), dt.date(2022, 5, 31)))
        == "2022"
    )
    assert (
        schema_date(DateEstimate(dt.date(2022, 5, 13), "year", dt.date(2021, 4, 25), dt.date(2022, 5, 31)))
        is None
    )


def test_built_event_pages_carry_chronology_clocks_and_parsable_json_ld(tmp_path, mini_config):
    from timeline.build import build, template_dir

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a1.txt").write_text(
        "Putin ready to meet Zelensky in Moscow\n\nApril 22, 2021\n\nVladimir Putin said on Thursday that he was ready to meet Volodymyr Zelensky in Moscow at any time.\n"
    )
    (articles / "a2.txt").write_text(
        "Kremlin repeats its Moscow offer to Zelensky\n\nApril 24, 2021\n\nPutin said on April 22 that he was ready to meet Zelensky in Moscow at any time.\n"
    )
    out = tmp_path / "site"
    build(articles, mini_config, out, template_dir(tmp_path / "timeline.yaml"))
    export = json.loads((out / "data" / "timeline.json").read_text())
    claims = [e for e in export["events"] if e["kind"] == "claim"]
    assert any(len(ev["sources"]) > 1 for ev in claims), "the two reports of the statement should merge"
    for ev in claims:
        page = (out / "events" / f"{ev['id']}.html").read_text()
        data = parse_script(page)
        assert data["@type"] == "Claim" and len(data["appearance"]) == len(
            {s["article"] for s in ev["sources"]}
        )
        assert "Three dates" in page
        if len(ev["sources"]) > 1:
            assert "Who reported it first" in page and "(+2 days)" in page
            assert "First reported by" in page


def test_schema_copy_ships_with_the_package():
    from importlib import resources

    schema = json.loads(resources.files("timeline").joinpath("data/timeline.schema.json").read_text())
    assert "refers_to" in schema["$defs"]["event"]["properties"]
    assert {"published", "offset_days"} <= set(schema["$defs"]["source"]["properties"])
