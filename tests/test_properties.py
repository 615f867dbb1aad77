"""Properties over arbitrary input: the loader never fails, and the export always follows the schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.build import analyse
from timeline.config import load_config
from timeline.load import load_article
from timeline.load.article import INTERNAL_ERROR
from timeline.render.export import dumps, export

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMAS = (
    ROOT / "src" / "timeline" / "data" / "timeline.schema.json",
    ROOT / "schema" / "timeline.schema.json",
    SHARED / "schema" / "timeline.schema.json",
)
SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces of article text that exercise the loader's rules: datelines, reporting verbs, quotes,
# front matter, URL lines, furniture; hypothesis combines them with arbitrary text.
PIECES = [
    "Putin said on 6 April 2022 that he was ready to meet Zelensky in Istanbul.",
    '"We are ready to meet," Zelensky told reporters in Kyiv on Friday.',
    "Kremlin spokesman Dmitry Peskov said a meeting was possible only after the document is agreed.",
    "MOSCOW, April 22 (Reuters) -",
    "Original url: https://www.themoscowtimes.com/2021/04/22/a",
    "Original url: javascript:alert(1)",
    "Advertisement",
    "Песков заявил 5 июня 2022 года, что встреча не планируется.",
    "Зеленський заявив, що готовий зустрітися з Путіним.",
    "day 1,436 of the war",
    "---",
    "title: x",
    "date: 2022-13-45",
    "</script><script>alert(1)</script>",
    "\u202eevil\u202c",
    "« Nous sommes prêts », a déclaré Zelensky le 6 avril 2022.",
    "",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=12).map("\n".join)
front_matter = st.dictionaries(
    st.sampled_from(["title", "date", "outlet", "url", "language", "ignore", "other"]),
    st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.booleans(),
        st.dates().map(str),
        st.lists(st.text(max_size=5), max_size=3),
    ),
    max_size=5,
)


@pytest.fixture(scope="module")
def config():
    path = ROOT / "timeline.yaml"
    return load_config(path if path.is_file() else ROOT / "tests" / "fixtures" / "mini.yaml")


@pytest.fixture(scope="module")
def schema():
    path = next((p for p in SCHEMAS if p.is_file()), None)
    if path is None:
        pytest.skip("no copy of the export schema")
    return json.loads(path.read_text(encoding="utf-8"))


def check(article, data: bytes) -> None:
    assert not any(w.startswith(INTERNAL_ERROR) for w in article.warnings), article.warnings
    assert all(isinstance(w, str) and w for w in article.warnings)
    for sentence in article.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(article.text)
    for claim in article.claims:
        assert 0 <= claim.start <= claim.end <= len(article.text)
    assert article.url is None or article.url.lower().startswith(("http://", "https://"))


@SLOW
@given(data=st.binary(max_size=4000))
def test_the_loader_never_fails_on_arbitrary_bytes(config, data):
    check(load_article("random.txt", data, config, "random"), data)


@SLOW
@given(text=texts, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "latin-1"]))
def test_the_loader_never_fails_on_arbitrary_text(config, text, encoding):
    data = text.encode(encoding, errors="ignore")
    check(load_article("random.txt", data, config, "random"), data)


@SLOW
@given(values=front_matter, body=texts)
def test_the_loader_never_fails_on_arbitrary_front_matter(config, values, body):
    import yaml

    text = "---\n" + yaml.safe_dump(values, allow_unicode=True) + "---\n" + body
    article = load_article("fm.txt", text.encode("utf-8"), config, "fm")
    check(article, text.encode("utf-8"))
    skipped = article.warnings and article.warnings[0].startswith("skipped")
    if (
        not skipped
        and isinstance(values.get("title"), str)
        and values["title"].strip()
        and len(values["title"]) < 500
    ):
        assert article.title == " ".join(values["title"].split())


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    corpus=st.lists(
        st.one_of(texts, st.binary(max_size=300).map(lambda b: b.decode("latin-1"))), min_size=1, max_size=4
    )
)
def test_the_export_always_follows_the_schema(config, schema, tmp_path_factory, corpus):
    jsonschema = pytest.importorskip("jsonschema")
    folder = tmp_path_factory.mktemp("corpus")
    for i, text in enumerate(corpus):
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    (folder / "sub").mkdir()
    (folder / "sub" / "a0.txt").write_bytes(b"")
    articles, events = analyse(folder, config)
    exported = export(articles, events, config)
    jsonschema.validate(json.loads(dumps(exported)), schema)
    ids = [a["id"] for a in exported["articles"]]
    assert ids == sorted(ids) and len(set(ids)) == len(corpus) + 1
