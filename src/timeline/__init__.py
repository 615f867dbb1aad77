"""timeline: a static news-timeline site generator.

The time engine is usable on its own: `from timeline import resolve_dates, infer_published`.
"""

__version__ = "0.1.0"

from timeline.api import infer_published, resolve_dates  # noqa: E402

__all__ = ["__version__", "infer_published", "resolve_dates"]
