"""Read stage: paths, directories, globs, stdin and URLs -> RawDoc (or Failure)."""

from ._encoding import decode, repair_mojibake
from ._fetch import Fetcher
from ._reader import Reader, read_inputs

__all__ = ["Fetcher", "Reader", "decode", "read_inputs", "repair_mojibake"]
