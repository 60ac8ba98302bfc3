"""Event ontology: CAMEO codes with Goldstein scores, quad classes and PLOVER equivalents.

The codebook is data (``data/cameo.tsv``, see README.md); :meth:`Ontology.load` reads and
checks it once per process::

    from kabar.ontology import Ontology
    ontology = Ontology.load()
    ontology.get("041").goldstein      # 1.0
    ontology.plover("041")             # ("CONSULT", "phone")
"""

from kabar.ontology._cameo import (
    PLOVER_MODES,
    PLOVER_TYPES,
    CameoCode,
    Ontology,
    OntologyError,
    intent_code,
    intent_table,
    quad_class_for_root,
)

__all__ = [
    "PLOVER_MODES",
    "PLOVER_TYPES",
    "CameoCode",
    "Ontology",
    "OntologyError",
    "intent_code",
    "intent_table",
    "quad_class_for_root",
]
