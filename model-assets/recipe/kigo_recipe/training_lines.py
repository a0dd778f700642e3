"""The training-line set shipped with a model (training-lines.fnv64): 64-bit hashes of the words of every training
haiku line, so Kigo can tell a generated line the model learned without shipping the corpus.

The key and hash must match Kigo's dev.kigo.model.TrainingLines: NFC, lower case, the right single quote as an
apostrophe, the words (letters and digits with inner apostrophes) joined by one space; FNV-1a 64 over its UTF-8.
File: b"KIGOFNV1", the count as a little-endian int64, the hashes as little-endian int64s in ascending order.
"""
from __future__ import annotations

import struct
import unicodedata
from pathlib import Path

import regex

WORD = regex.compile(r"[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*")
MAGIC = b"KIGOFNV1"
FILE = "training-lines.fnv64"


def line_key(line: str) -> str:
    text = unicodedata.normalize("NFC", line).lower().replace("\u2019", "'")
    return " ".join(WORD.findall(text))


def fnv1a64(key: str) -> int:
    """As a signed int64, the order Java's Arrays.binarySearch expects."""
    h = 0xcbf29ce484222325
    for b in key.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h - (1 << 64) if h >= 1 << 63 else h


def write(lines, path: Path) -> int:
    hashes = sorted({fnv1a64(k) for k in (line_key(l) for l in lines) if k})
    with open(path, "wb") as f:
        f.write(MAGIC + struct.pack("<q", len(hashes)))
        f.write(struct.pack(f"<{len(hashes)}q", *hashes))
    return len(hashes)
