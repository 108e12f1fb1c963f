"""Iris classifier: a small BentoML 1.4 service over a stored model.

In demo mode (IRIS_MODE=demo, set at image build time) it classifies by the
nearest species centroid and only reports which model file it was given, so
the example runs without scikit-learn.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import bentoml
from bentoml.models import BentoModel

SPECIES = ("setosa", "versicolor", "virginica")

# Mean sepal length, sepal width, petal length, petal width per species (cm).
CENTROIDS = (
    (5.01, 3.43, 1.46, 0.25),
    (5.94, 2.77, 4.26, 1.33),
    (6.59, 2.97, 5.55, 2.03),
)

log = logging.getLogger("iris_classifier")
log.setLevel(os.environ.get("IRIS_LOG_LEVEL", "info").upper())


def nearest_species(row: list[float]) -> str:
    """The species whose centroid is closest to one row of measurements."""
    distances = [sum((a - b) ** 2 for a, b in zip(row, centre)) for centre in CENTROIDS]
    return SPECIES[distances.index(min(distances))]


@bentoml.service(resources={"cpu": "1"}, traffic={"timeout": 10})
class IrisClassifier:
    model = BentoModel("iris_model:r6tb2fv7ccdxkhqb")

    def __init__(self) -> None:
        self.mode = os.environ.get("IRIS_MODE", "demo")
        weights = Path(self.model.path_of("saved_model.pkl"))
        self.model_digest = hashlib.sha256(weights.read_bytes()).hexdigest()
        log.info("mode %s, model %s (sha256 %s)", self.mode, self.model.tag, self.model_digest)

    @bentoml.api
    def classify(self, measurements: list[list[float]]) -> list[str]:
        """One species name per row of four measurements."""
        return [nearest_species(row) for row in measurements]
