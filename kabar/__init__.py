"""kabar: turn Indonesian and English news into event data.

The pipeline's stages are plain functions over plain dataclasses:
``read -> extract -> code -> store -> cluster`` (stories), then ``serve`` (kabar.web) and
``export`` (kabar.export).
"""

from .errors import ConfigError, InputError, KabarError, StoreError
from .extract import Extractor
from .models import Article, Failure, RawDoc
from .pipeline import IngestReport, extract_all, ingest
from .read import Reader, read_inputs
from .settings import Settings, default_settings
from .store import Store
from .stories import StoryBuilder

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "Extractor",
    "Failure",
    "IngestReport",
    "InputError",
    "KabarError",
    "RawDoc",
    "Reader",
    "Settings",
    "Store",
    "StoreError",
    "StoryBuilder",
    "__version__",
    "default_settings",
    "extract_all",
    "ingest",
    "read_inputs",
]
