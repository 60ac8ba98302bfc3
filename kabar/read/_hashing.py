"""Content hashes that identify inputs across runs."""

from __future__ import annotations

import hashlib


def sha256(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogatepass")
    return hashlib.sha256(data).hexdigest()
