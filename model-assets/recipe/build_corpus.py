#!/usr/bin/python3
"""Builds Kigo's training corpus.

Usage: /usr/bin/python3 build_corpus.py --haiku ../../../shared/data/haiku --verse ../../../shared/data/verse \
           --out /work/cache/kigo-corpus
The corpora stay outside the repo; the CMU dictionary and tokenizer files default to the repo's own copies
(dictionaries/ and model-assets/kigo-haiku/ or the shared gpt2-tokenizer folder).
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.corpus import build  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--haiku", type=Path, required=True, help="folder with haiku_union_dedup.txt")
    p.add_argument("--verse", type=Path, required=True, help="folder with facjure_public_domain_poetry.jsonl.gz")
    p.add_argument("--cmudict", type=Path, default=REPO / "dictionaries" / "cmudict.dict")
    p.add_argument("--tokenizer", type=Path, required=True,
                   help="folder with GPT-2's encoder.json and vocab.bpe")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--verse-chars", type=int, default=5_000_000)
    p.add_argument("--all-verse", action="store_true", help="use every verse chunk (the GPU recipe), not --verse-chars")
    p.add_argument("--limit", type=int, default=None, help="use only the first N haiku (for tests)")
    a = p.parse_args()
    stats = build(a.haiku, a.verse, a.cmudict, a.tokenizer, a.out, None if a.all_verse else a.verse_chars, limit=a.limit)
    print(json.dumps(stats, indent=2))
