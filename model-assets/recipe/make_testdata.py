#!/usr/bin/python3
"""Writes testdata/: a miniature of the recipe's input folders, so the recipe's tests run on a clone without the
shared corpora beside it. Made only from public-domain verse (the facjure corpus, Zenup licence kept alongside):
  testdata/haiku/haiku_union_dedup.txt   100 three-line records cut from public-domain stanzas ("a / b / c")
  testdata/verse/facjure_public_domain_poetry.jsonl.gz   a few dozen public-domain poems, the corpus's own format
The haiku corpus itself has no licence that allows copying it here, so the test's "haiku" are verse lines; the
recipe only needs their shape.

  /usr/bin/python3 make_testdata.py --verse ../../../shared/data/verse
"""
import argparse
import gzip
import json
import shutil
from pathlib import Path

OUT = Path(__file__).resolve().parent / "testdata"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--verse", type=Path, required=True, help="folder with facjure_public_domain_poetry.jsonl.gz")
    a = p.parse_args()
    poems, records = [], []
    with gzip.open(a.verse / "facjure_public_domain_poetry.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            poem = json.loads(line)
            text = poem["text"]
            if "\ufffd" in text or len(text) > 1500:
                continue
            lines = [l.strip() for l in text.split("\n") if l.strip() and len(l.strip()) <= 40 and "/" not in l]
            if len(poems) < 40:
                poems.append(line.strip())
            for i in range(0, len(lines) - 2, 3):
                if len(records) < 100:
                    records.append(" / ".join(lines[i:i + 3]))
            if len(poems) >= 40 and len(records) >= 100:
                break
    (OUT / "haiku").mkdir(parents=True, exist_ok=True)
    (OUT / "verse").mkdir(parents=True, exist_ok=True)
    (OUT / "haiku" / "haiku_union_dedup.txt").write_text("\n".join(records) + "\n", encoding="utf-8")
    with gzip.GzipFile(OUT / "verse" / "facjure_public_domain_poetry.jsonl.gz", "wb", mtime=0) as gz:
        gz.write(("\n".join(poems) + "\n").encode("utf-8"))
    shutil.copyfile(a.verse / "facjure_zenup_LICENSE.txt", OUT / "verse" / "facjure_zenup_LICENSE.txt")
    print(f"wrote {len(records)} records and {len(poems)} poems to {OUT}")


if __name__ == "__main__":
    main()
