"""Language of an article, with py3langid's shipped model (no downloads)."""

from __future__ import annotations

import py3langid

_SAMPLE_CHARS = 1000
# Indonesian and Malay share most of their vocabulary; an Indonesian text that the model
# scores as Malay by a hair is still Indonesian for our purposes (relative log-prob gap).
_MALAY_TIE = 0.02


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (ISO 639-3 where there is none), or None for text too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    lang, _score = py3langid.classify(sample)
    if lang == "ms":
        scores = dict(py3langid.rank(sample)[:3])
        if "id" in scores and scores["ms"] - scores["id"] <= abs(scores["ms"]) * _MALAY_TIE:
            return "id"
    return lang
