"""The article cache: what it returns is exactly what the loader would, and damage is never trusted."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from timeline import cache as cache_module
from timeline.cache import ArticleCache, code_version
from timeline.load import load_article

TEXTS = [
    "Putin invites Zelensky to Moscow\n\nApril 22, 2021\n\nPutin said on Thursday that Zelensky was welcome in Moscow.\n",
    "Zelensky: come to Kiev\n\nZelensky said he is ready to meet Putin in Kyiv, but not in Moscow.\n",
]


def articles(config):
    out = []
    for i, text in enumerate(TEXTS):
        data = text.encode()
        out.append(load_article(f"a{i}.txt", data, config))
    return out


def key(article):
    return (article.file, article.id, article.sha256)


def filled(tmp_path, config):
    store = ArticleCache(tmp_path, config.digest)
    for article in articles(config):
        store.put(article)
    store.save()
    return store


def test_code_version_names_the_release_and_is_stable():
    assert code_version().startswith(timeline.__version__ + "+")
    assert code_version() == code_version()


def test_round_trip_gives_equal_articles(tmp_path, mini_config):
    filled(tmp_path, mini_config)
    again = ArticleCache(tmp_path, mini_config.digest)
    for article in articles(mini_config):
        assert again.get(key(article)) == article
    assert (again.hits, again.misses) == (2, 0)
    assert not again.changed


def test_one_file_per_configuration_and_code(tmp_path, mini_config):
    filled(tmp_path, mini_config)
    assert len(list(tmp_path.glob("articles-*.bin"))) == 1
    assert not list(tmp_path.glob("*.tmp")), "a temporary file was left behind"


@pytest.mark.parametrize(
    "change",
    ["sha", "path", "id"],
)
def test_a_different_key_is_a_miss(tmp_path, mini_config, change):
    filled(tmp_path, mini_config)
    again = ArticleCache(tmp_path, mini_config.digest)
    relpath, ident, sha = key(articles(mini_config)[0])
    wanted = {
        "sha": (relpath, ident, hashlib.sha256(b"other").hexdigest()),
        "path": ("b/" + relpath, ident, sha),
        "id": (relpath, "other", sha),
    }[change]
    assert again.get(wanted) is None
    assert again.misses == 1


def test_another_configuration_does_not_see_the_entries(tmp_path, mini_config):
    filled(tmp_path, mini_config)
    other = ArticleCache(tmp_path, "0" * 64)
    assert other.get(key(articles(mini_config)[0])) is None


def test_a_code_change_invalidates(tmp_path, mini_config, monkeypatch):
    filled(tmp_path, mini_config)
    monkeypatch.setattr(cache_module, "code_version", lambda: "0.1.0+changed")
    again = ArticleCache(tmp_path, mini_config.digest)
    assert again.get(key(articles(mini_config)[0])) is None


def test_a_stale_header_is_not_trusted(tmp_path, mini_config):
    store = filled(tmp_path, mini_config)
    data = store.path.read_bytes().replace(store.code.encode(), b"0.0.0+0000000000000000", 1)
    store.path.write_bytes(data)
    again = ArticleCache(tmp_path, mini_config.digest)
    assert again.get(key(articles(mini_config)[0])) is None
    assert "another version" in again.problem


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: d[: len(d) // 2], id="truncated"),
        pytest.param(lambda d: b"", id="empty"),
        pytest.param(lambda d: b"junk" + d, id="not-a-cache"),
        pytest.param(lambda d: d[:-10] + bytes(b ^ 0xFF for b in d[-10:]), id="flipped-tail"),
        pytest.param(lambda d: d.replace(b'"crc32": ', b'"crc32": 1', 1), id="bad-checksum"),
        pytest.param(lambda d: d.replace(b"{", b"[", 1), id="bad-header"),
    ],
)
def test_damage_is_detected_and_rebuilt(tmp_path, mini_config, damage, caplog):
    store = filled(tmp_path, mini_config)
    store.path.write_bytes(damage(store.path.read_bytes()))
    again = ArticleCache(tmp_path, mini_config.digest)
    assert all(again.get(key(a)) is None for a in articles(mini_config))
    for article in articles(mini_config):
        again.put(article)
    again.save()
    third = ArticleCache(tmp_path, mini_config.digest)
    assert all(third.get(key(a)) == a for a in articles(mini_config))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.floats(0, 1, exclude_max=True), xor=st.integers(1, 255))
def test_any_flipped_byte_never_yields_a_wrong_article(tmp_path, mini_config, offset, xor):
    folder = tmp_path / f"c{xor}-{offset}"
    store = filled(folder, mini_config)
    data = bytearray(store.path.read_bytes())
    data[int(offset * len(data))] ^= xor
    store.path.write_bytes(bytes(data))
    again = ArticleCache(folder, mini_config.digest)
    for article in articles(mini_config):
        got = again.get(key(article))
        assert got is None or got == article


def test_entries_not_used_by_a_build_are_dropped(tmp_path, mini_config):
    filled(tmp_path, mini_config)
    first, second = articles(mini_config)
    again = ArticleCache(tmp_path, mini_config.digest)
    assert again.get(key(first)) == first
    assert again.changed
    again.save()
    third = ArticleCache(tmp_path, mini_config.digest)
    assert third.get(key(second)) is None
    assert third.get(key(first)) == first


def test_off_reads_and_writes_nothing(tmp_path, mini_config):
    store = ArticleCache(None, mini_config.digest)
    for article in articles(mini_config):
        store.put(article)
        assert store.get(key(article)) is None
    store.save()
    assert list(tmp_path.iterdir()) == []


def test_old_configurations_are_pruned(tmp_path, mini_config):
    for n in range(cache_module.KEEP_FILES + 3):
        store = ArticleCache(tmp_path, f"{n:064d}")
        store.put(articles(mini_config)[0])
        store.save()
    assert len(list(tmp_path.glob("articles-*.bin"))) == cache_module.KEEP_FILES


def test_extra_memo_round_trip_and_damage(tmp_path):
    """A build-wide memo kept beside the articles: read back as written; a damaged one is empty."""
    from timeline.cache import ArticleCache

    cache = ArticleCache(tmp_path, "config-digest")
    assert cache.load_extra("refers-to") == {}
    cache.save_extra("refers-to", {"k": None, "j": 1})
    assert ArticleCache(tmp_path, "config-digest").load_extra("refers-to") == {"k": None, "j": 1}
    assert ArticleCache(tmp_path, "another-config").load_extra("refers-to") == {}
    cache._extra_path("refers-to").write_bytes(b"garbage")
    assert ArticleCache(tmp_path, "config-digest").load_extra("refers-to") == {}
    assert ArticleCache(None, "config-digest").load_extra("refers-to") == {}


def many(config, n):
    """n distinct small articles (distinct bytes, so distinct keys)."""
    return [load_article(f"m{i:03d}.txt", f"{TEXTS[i % 2]}\nNote {i}.\n".encode(), config) for i in range(n)]


def header(store):
    import json

    data = store.path.read_bytes()
    return json.loads(data[len(cache_module.MAGIC) : data.index(b"\n", len(cache_module.MAGIC))])


def test_a_new_article_is_added_without_rewriting_the_others(tmp_path, mini_config, monkeypatch):
    """One new article: the full segment's bytes are copied, the new one is pickled on its own."""
    monkeypatch.setattr(cache_module, "SEGMENT", 16)
    old = many(mini_config, 16)
    store = ArticleCache(tmp_path, mini_config.digest)
    for article in old:
        store.put(article)
    store.save()
    first = header(store)["segments"]
    assert [s["count"] for s in first] == [16]
    again = ArticleCache(tmp_path, mini_config.digest)
    assert again.get_many([key(a) for a in old]) == old
    new = load_article("new.txt", b"Zelensky said he would meet Putin anywhere.\n", mini_config)
    again.put(new)
    again.save()
    segments = header(again)["segments"]
    assert [s["count"] for s in segments] == [16, 1]
    assert segments[0] == first[0]  # same length, same checksum: the same bytes
    third = ArticleCache(tmp_path, mini_config.digest)
    assert third.get_many([key(a) for a in [*old, new]]) == [*old, new]
    assert not third.changed


@pytest.mark.parametrize("dropped, segments", [(2, [[16, 2]]), (6, [[10, 0]])])
def test_entries_no_longer_used_are_skipped_or_the_segment_rewritten(
    tmp_path, mini_config, monkeypatch, dropped, segments
):
    """A few dropped entries stay in their segment, listed as skipped (never returned); when more
    than a quarter are gone the live ones are pickled again without them."""
    monkeypatch.setattr(cache_module, "SEGMENT", 16)
    old = many(mini_config, 16)
    store = ArticleCache(tmp_path, mini_config.digest)
    for article in old:
        store.put(article)
    store.save()
    kept, gone = old[dropped:], old[:dropped]
    again = ArticleCache(tmp_path, mini_config.digest)
    assert again.get_many([key(a) for a in kept]) == kept
    again.save()
    assert [[s["count"], len(s["skip"])] for s in header(again)["segments"]] == segments
    third = ArticleCache(tmp_path, mini_config.digest)
    assert third.get_many([key(a) for a in gone]) == [None] * dropped
    assert third.get_many([key(a) for a in kept]) == kept


def test_save_lets_go_of_the_file_and_the_records(tmp_path, mini_config):
    filled(tmp_path, mini_config)
    again = ArticleCache(tmp_path, mini_config.digest)
    assert all(again.get_many([key(a) for a in articles(mini_config)]))
    again.save()
    assert again._segments == [] and not again._decoded and not again._fresh
    assert (again.hits, again.misses) == (2, 0)  # the build's counts stay


def test_many_articles_are_split_into_segments_and_small_ones_merged(tmp_path, mini_config, monkeypatch):
    monkeypatch.setattr(cache_module, "SEGMENT", 8)
    old = many(mini_config, 17)
    store = ArticleCache(tmp_path, mini_config.digest)
    for article in old:
        store.put(article)
    store.save()
    assert [s["count"] for s in header(store)["segments"]] == [8, 8, 1]
    again = ArticleCache(tmp_path, mini_config.digest)
    assert again.get_many([key(a) for a in old]) == old
    new = load_article("new.txt", b"Zelensky said he would meet Putin anywhere.\n", mini_config)
    again.put(new)
    again.save()
    assert [s["count"] for s in header(again)["segments"]] == [
        8,
        8,
        2,
    ]  # the small one is merged with the new
    assert ArticleCache(tmp_path, mini_config.digest).get_many([key(a) for a in [*old, new]]) == [*old, new]


def test_extra_memo_shards_copied_when_their_keys_did_not_change(tmp_path, monkeypatch):
    """A memo saved again after one new entry pickles only the shards whose keys changed, and
    reads back equal to what was saved, nested dicts included."""
    import pickle

    from timeline import cache as cache_module
    from timeline.cache import ArticleCache

    memo = {
        "reports": {("a", i): (i, "x") for i in range(200)},
        "shared": {"votes": {("v", 1): None}, "redated": {}},
    }
    ArticleCache(tmp_path, "d").save_extra("normalize", memo)
    cache = ArticleCache(tmp_path, "d")
    loaded = cache.load_extra("normalize")
    assert loaded == memo
    loaded["reports"][("a", 999)] = (999, "y")
    pickled = []
    real = pickle.dumps
    monkeypatch.setattr(
        cache_module.pickle, "dumps", lambda obj, **kw: pickled.append(obj) or real(obj, **kw)
    )
    cache.save_extra("normalize", loaded)
    assert len(pickled) == 1 and ("a", 999) in pickled[0]
    monkeypatch.setattr(cache_module.pickle, "dumps", real)
    assert ArticleCache(tmp_path, "d").load_extra("normalize") == loaded
    path = cache._extra_path("normalize")
    path.write_bytes(path.read_bytes()[:-3])
    assert ArticleCache(tmp_path, "d").load_extra("normalize") == {}
