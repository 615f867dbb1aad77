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
  - {name: Example News, names: ["\xd0\x9f\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80", EN, "Ex\xc3\xa4mple News"], telltales: ["Example News Wire"]}
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


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # a known outlet is shown as its page writes it, with its configured name where they differ
        ("Пример\n\nТекст.\n", "Пример (Example News)"),
        ("EN | World\n\nText.\n\n© 2025 Example News\n", "EN (Example News)"),
        ("Example News Wire\n\nText.\n", "Example News"),
        ("Exämple News\n\nText.\n", "Example News"),  # accents alone: the configured spelling
        ("Example News Wire\n\nText.\n\nПример\n", "Пример (Example News)"),
    ],
)
def test_known_outlet_as_written(text, outlet):
    assert find_outlet(lines_of(text), None, CONFIG)[0] == outlet


@pytest.mark.parametrize(
    ("text", "outlet", "rule"),
    [
        (
            "Text of the story.\n\n© 2023 Eastern Review Desk. All rights reserved.\n",
            "Eastern Review Desk",
            "copyright",
        ),
        ("Текст.\n\n© 2025 «Вісті Полісся». Усі права захищено.\n", "Вісті Полісся", "copyright"),
        (
            "ВЕЧЕРНИЙ ГОРОД\nНовости | Политика | Экономика | Спорт\n\nЗаголовок статьи здесь\n",
            "Вечерний Город",
            "masthead",
        ),
        (
            "Provincial Courier — International\n\nA headline about the meeting\n",
            "Provincial Courier",
            "masthead",
        ),
        (
            "Channel Seven [English]\nForwarded from Channel Seven\n\nPost text here.\n",
            "Channel Seven",
            "masthead",
        ),
        # never a wrong name: a byline's desk, a credited agency, a section label, a headline
        ("By Wire Staff\n\nText.\n\n© Wire Staff. All rights reserved.\n", None, None),
        ("Text.\n\n© AFP\n", None, None),
        ("Politics\nHome | World | Business | Sport\n\nText.\n", None, None),
        ("Putin says he is ready to meet Zelensky in Moscow.\n\nText.\n", None, None),
        ("A short first line\n\nText of the story.\n", None, None),
    ],
)
def test_unknown_outlet_from_page_structure(text, outlet, rule):
    found, evidence = find_outlet(lines_of(text), None, CONFIG)
    assert found == outlet
    assert (evidence.rule if evidence else None) == rule


def test_forwarded_from_names_the_source_not_the_channel():
    text = "Pool Three | Kremlin pool\nForwarded from: Daily Example\n\nPost text.\n"
    assert find_outlet(lines_of(text), None, CONFIG)[0] == "Pool Three"
