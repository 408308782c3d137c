"""What every language pack shares: the page-structure list reader (``lists``)."""
