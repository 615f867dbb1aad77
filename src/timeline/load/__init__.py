"""The loader: one article file in, one Article record out, as a pure function.

`load_article(relpath, data, config)` decodes the bytes, reads front matter, drops page
furniture while keeping offsets into the original text, then finds the title, outlet, URL,
sentences, time expressions, publication date and claims. It never raises on bad input:
problems become warnings on the record.
"""

from timeline.load.article import load_article

__all__ = ["load_article"]
