"""timeline: a static news-timeline site generator.

The time engine is usable on its own: `from timeline import resolve_dates, infer_published`.
"""

__version__ = "0.1.0"
