"""The claims register's themes and verdicts, with their labels.

A module of its own, apart from :mod:`cfr.appendix` (the Sphinx directives), because the
claims chapter imports them: the build reruns a notebook when a ``cfr`` module it imports
changes, and an edit to the appendix directives must rerun no notebook.
"""

THEMES = {
    "donor-dependency": "Donor dependency",
    "great-power-balancing": "Great-power balancing",
    "borders": "Borders",
    "un-reform": "UN reform",
    "mekong": "The Mekong",
    "multilateral": "Multilateral bodies and climate",
    "history": "History, 1975-1991",
    "security": "Security and defence",
}
VERDICTS = {
    "confirmed": "Confirmed",
    "corrected": "Corrected",
    "outdated": "Outdated",
    "disputed": "Disputed",
    "unverifiable": "Unverifiable",
    "opinion": "Opinion",
}
VERDICT_MEANING = {
    "confirmed": "a reputable source supports the claim as stated",
    "corrected": "a source contradicts a specific date, name, number or category",
    "outdated": "true when first written, no longer true by the article's date (July 2018)",
    "disputed": "the sources conflict, or the answer depends on how it is measured",
    "unverifiable": "no source was found, or the claim is too vague to test",
    "opinion": "a judgement, forecast or policy statement rather than a fact",
}
