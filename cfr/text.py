"""Table text that reaches a page as Markdown, escaped so it always shows as text."""
from __future__ import annotations

import re

_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~\"'&$%:;=?@^])")
_URL = re.compile(r"^https?://[^\s<>()]+$")


def md_escape(text) -> str:
    """Backslash-escape every ASCII punctuation character (allowed anywhere in CommonMark),
    so a cell holding ``<script>`` or ``[x](http://evil)`` renders literally."""
    return _PUNCT.sub(r"\\\1", " ".join(str(text).split()))


def md_link(title, url) -> str:
    """A Markdown link for an http(s) URL; anything else is shown as escaped text only."""
    title = md_escape(title)
    return f"[{title}](<{url}>)" if isinstance(url, str) and _URL.match(url) else title
