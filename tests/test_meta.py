"""Title, URL, outlet and agencies are read from the page furniture, never guessed."""

from __future__ import annotations

import pytest

from timeline.config import parse_config
from timeline.load.clean import split_lines
from timeline.load.meta import find_agencies, find_outlet, find_title, find_url

CONFIG = parse_config(
    b"""site: {title: T}
outlets:
  - {name: The Daily Example, domains: [example.com], telltales: ["Daily Example"]}
  - {name: Lenta.ru, domains: [lenta.ru]}
  - {name: Ukrinform, domains: [ukrinform.net], telltales: ["\xd0\xa3\xd0\xba\xd1\x80\xd1\x96\xd0\xbd\xd1\x84\xd0\xbe\xd1\x80\xd0\xbc"]}
agencies:
  - {name: AFP, aliases: [AFP, Agence France-Presse]}
  - {name: dpa, aliases: [dpa]}
  - {name: AP, aliases: [AP]}
""",
    "t.yaml",
)


def lines_of(text: str):
    return split_lines(text, 0, "en")


@pytest.mark.parametrize(
    ("text", "outlet", "rule"),
    [
        ("Daily Example | Politics\n\nA headline about a meeting here\n", "The Daily Example", "telltale"),
        ("Lenta.ru\n\nВстреча\n", "Lenta.ru", "telltale"),
        ("Укрінформ\n\nЗустріч\n", "Ukrinform", "telltale"),
        ("THE DAILY EXAMPLE\n\nText.\n", "The Daily Example", "telltale"),
        (
            "Text of the story.\n\n© 2025 The Daily Example. All rights reserved.\n",
            "The Daily Example",
            "copyright",
        ),
        ("Original url:\n\n<https://www.example.com/2021/04/22/story>\n", "The Daily Example", "url-domain"),
        (
            "A story that only mentions the Daily Example in a long sentence that goes on and on and on about it.\n",
            None,
            None,
        ),
        ("Nothing here names an outlet.\n", None, None),
    ],
)
def test_outlet(text, outlet, rule):
    lines = lines_of(text)
    url, _ = find_url(lines, text)
    found, evidence = find_outlet(lines, url, CONFIG)
    assert found == outlet
    assert (evidence.rule if evidence else None) == rule


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Body.\n\nOriginal url:\n\n<https://www.example.com/a/b>\n", "https://www.example.com/a/b"),
        ("Body.\n\nhttps://lenta.ru/news/2026/02/25/x/\n", "https://lenta.ru/news/2026/02/25/x/"),
        ("Body.\n\nOriginal url: javascript:alert(1)\n", None),
        ("He cited https://example.com/x in a sentence.\n", None),
    ],
)
def test_url(text, url):
    assert find_url(lines_of(text), text)[0] == url


def test_title_skips_mastheads_navigation_sections_and_datelines():
    text = "Daily Example\n\nHome | World | Politics\n\nWorld\n\n19:56, 25 February 2026\n\nPeskov doubts that a meeting makes sense now\n\nBody text.\n"
    title, index = find_title(lines_of(text), CONFIG, None)
    assert title == "Peskov doubts that a meeting makes sense now"
    assert index is not None


def test_front_matter_title_wins():
    assert find_title(lines_of("Some headline that is long enough\n"), CONFIG, "Given") == ("Given", None)


def test_agencies_are_credits_not_mentions():
    text = "By AFP\n\nKyiv, May 13 (AP) The president said a lot about the AFP report in a very long sentence that is not a credit line at all.\n\n(APA/dpa)\n"
    assert find_agencies(lines_of(text), CONFIG) == ("AFP", "AP", "dpa")
