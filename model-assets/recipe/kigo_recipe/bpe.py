"""GPT-2's byte-level BPE in pure Python (the recipe has no `tokenizers` package), from encoder.json + vocab.bpe
or from a HuggingFace tokenizer.json.

Gives the same ids as HuggingFace tokenizers on GPT-2's tokenizer.json; the recipe checks a sample against
the Java side through the parity test.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import regex

PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")


def bytes_to_unicode() -> dict:
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


class Encoder:
    def __init__(self, tokenizer_dir: Path):
        tokenizer_dir = Path(tokenizer_dir)
        if (tokenizer_dir / "encoder.json").exists():
            self.encoder = json.loads((tokenizer_dir / "encoder.json").read_text(encoding="utf-8"))
            merges = (tokenizer_dir / "vocab.bpe").read_text(encoding="utf-8").split("\n")[1:]
        else:
            # A HuggingFace tokenizer.json holds the same vocabulary and merges (a shipped bundle has only this).
            model = json.loads((tokenizer_dir / "tokenizer.json").read_text(encoding="utf-8"))["model"]
            self.encoder = model["vocab"]
            merges = [m if isinstance(m, str) else " ".join(m) for m in model["merges"]]
        self.decoder = {v: k for k, v in self.encoder.items()}
        merges = [tuple(m.split()) for m in merges if m.strip()]
        self.ranks = {m: i for i, m in enumerate(merges)}
        self.byte_encoder = bytes_to_unicode()
        self.byte_decoder = {v: k for k, v in self.byte_encoder.items()}
        self.cache = {}

    def _bpe(self, token: str) -> list:
        if token in self.cache:
            return self.cache[token]
        word = list(token)
        while len(word) > 1:
            pairs = {(word[i], word[i + 1]) for i in range(len(word) - 1)}
            best = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if best not in self.ranks:
                break
            first, second = best
            merged, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and word[i] == first and word[i + 1] == second:
                    merged.append(first + second)
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        ids = [self.encoder[w] for w in word]
        self.cache[token] = ids
        return ids

    def encode(self, text: str) -> list:
        ids = []
        for piece in PATTERN.findall(text):
            ids.extend(self._bpe("".join(self.byte_encoder[b] for b in piece.encode("utf-8"))))
        return ids

    def decode(self, ids) -> str:
        text = "".join(self.decoder[i] for i in ids)
        return bytearray(self.byte_decoder[c] for c in text).decode("utf-8", errors="replace")
