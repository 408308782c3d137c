"""Page ingest: a city's web pages (URLs or saved ``.html`` files) become source folders.

``kgpub add`` and ``kgpub crawl`` fetch politely (``fetch``, ``robots``), decode the bytes right
whatever the header claims (``decode``), keep the page's main text with its headings and list items
as lines (``html``), and write ``data/sources/<id>/`` with ``text.txt``, ``meta.toml``, the raw
``page.html`` and a ``fetch.toml`` sidecar (``write``). ``crawl`` walks a site section or a
sitemap (``crawl``). ``add`` ties them together (``add``).
"""
