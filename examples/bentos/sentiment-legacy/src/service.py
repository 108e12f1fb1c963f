"""Sentiment (legacy): a BentoML 1.1 service scoring text with a word lexicon.

The lexicon is a model packed inside the bento (models/sentiment_lexicon/),
as bentos built before BentoML 1.2 carry their models.
"""

from __future__ import annotations

import os
from pathlib import Path

import bentoml
from bentoml.io import JSON, Text

MODEL_TAG = "sentiment_lexicon:b2kq4ff6usm7yhqb"
THRESHOLD = float(os.environ.get("SENTIMENT_THRESHOLD", "0.25"))


def load_lexicon(path: Path) -> dict[str, float]:
    """Word -> score pairs from a tab-separated file; `#` starts a comment."""
    lexicon: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, score = line.split("\t")
            lexicon[word] = float(score)
    return lexicon


def score_text(text: str, lexicon: dict[str, float]) -> float:
    """Mean lexicon score of the known words in `text`, 0 when none is known."""
    scores = [lexicon[word] for word in text.lower().split() if word in lexicon]
    return sum(scores) / len(scores) if scores else 0.0


lexicon = load_lexicon(Path(bentoml.models.get(MODEL_TAG).path_of("lexicon.tsv")))
svc = bentoml.Service("sentiment_legacy")


@svc.api(input=Text(), output=JSON())
def classify(text: str) -> dict[str, object]:
    score = score_text(text, lexicon)
    label = "positive" if score > THRESHOLD else "negative" if score < -THRESHOLD else "neutral"
    return {"label": label, "score": round(score, 3)}
