"""Loading on a (local) Dask cluster gives the same export as the default build."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from timeline import executor  # noqa: E402
from timeline.build import build, template_dir  # noqa: E402
from timeline.config import load_config  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "tests" / "fixtures" / "mini.yaml"


def test_local_dask_cluster_export_is_identical(tmp_path, monkeypatch):
    calls = []
    real = executor._dask
    monkeypatch.setattr(executor, "_dask", lambda *a, **k: calls.append(a[3]) or real(*a, **k))
    config = load_config(CONFIG)
    articles = ROOT / "articles"
    default = build(articles, config, tmp_path / "default", template_dir(CONFIG), jobs=1)
    on_dask = build(articles, config, tmp_path / "dask", template_dir(CONFIG), scheduler="local", jobs=2)
    assert calls == ["local"], "the build did not go through Dask"
    assert on_dask.counts["parsed"] == default.counts["parsed"] > 0
    export = "data/timeline.json"
    assert (tmp_path / "dask" / export).read_bytes() == (tmp_path / "default" / export).read_bytes()
    assert [a.id for a in on_dask.articles] == [a.id for a in default.articles]


def test_cli_scheduler_local(tmp_path, capsys):
    from timeline.cli import main

    code = main(
        [
            "build",
            "--articles",
            str(ROOT / "articles"),
            "--config",
            str(CONFIG),
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            "local",
            "--no-cache",
            "--quiet",
        ]
    )
    assert code == 0
    assert "parsed" in capsys.readouterr().out
    assert (tmp_path / "out" / "data" / "timeline.json").is_file()
