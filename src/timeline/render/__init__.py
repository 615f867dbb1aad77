"""The renderer: plain records in, files out (HTML pages, the JSON export, feeds, chart)."""
