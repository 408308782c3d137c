"""What every language pack shares, so that a new language is one new pack with nothing copied.

``segments`` (the page cut by :mod:`kgpub.text`: sentences, headings, items with exact spans), ``facts``
(the collector: evidence, aliases, relations only between recorded bodies), ``lists`` (the
page-structure list reader: introducers, items, group headings), ``enumeration`` ("a, b och c"),
``persons`` (person names) and ``sites`` (labelled and prose addresses and phone numbers).
"""
