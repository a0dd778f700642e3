"""Builds the training corpus: multitask haiku examples in deep-haiku-gpt-2's formats plus plain verse.

Formats (the Java side's PromptFormat builds exactly these prompts):
  (kw1 kw2 = line one / line two / line three)      keywords to haiku
  <kw1 kw2 = PH-ON-EMES ... / ... / ...>             keywords to phonemes
  [line one / line two / line three = PH-ON ... ]    text to phonemes
  {PH-ON ... / ... / ... = line one / ... / ...}     phonemes to text
Phonemes: ARPAbet with stress digits, phones of a word joined by '-', words by ' ', lines by ' / '.

Keywords (documented method): the haiku's content words (lowercase letters only, at least 3 letters, not a
stopword, seen in at least 3 haiku of the corpus) in poem order; 1 to 3 of them are picked at random with a
seed derived from the haiku's text, so the same corpus gives the same examples on every run.

Split: a haiku goes to the held-out split when a hash of its letters-only key falls in the last 2%, so the
split is stable and no held-out haiku appears in training.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections import Counter
from pathlib import Path

from .bpe import Encoder

EOT = 50256
WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
STOPWORDS = set("""
a about above after again against all am an and any are as at be because been before being below between both but
by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves yet still even ever every one ones also let lets like get gets got
into onto upon though thus thee thou thy thine ye oh o im its dont cant wont ive youre
""".split())


def letters_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def is_held_out(text: str, share: float = 0.02) -> bool:
    h = int(hashlib.sha1(letters_key(text).encode()).hexdigest()[:8], 16)
    return h / 0xFFFFFFFF >= 1.0 - share


def load_cmudict(path: Path) -> dict:
    """word -> first pronunciation (list of phones with stress digits)."""
    pron = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) < 2:
            continue
        word = re.sub(r"\(\d+\)$", "", parts[0])
        pron.setdefault(word, parts[1:])
    return pron


def phonemes_of_line(line: str, pron: dict):
    """ARPAbet for a line, or None if a word is not in the dictionary (such haiku skip phoneme tasks)."""
    words = WORD.findall(line.lower().replace("\u2019", "'"))
    out = []
    for w in words:
        phones = pron.get(w)
        if phones is None:
            return None
        out.append("-".join(phones))
    return " ".join(out) if out else None


def read_haiku(haiku_dir: Path) -> list:
    """Three-line haiku from the cross-source union file, as lists of lines."""
    poems = []
    for raw in (haiku_dir / "haiku_union_dedup.txt").read_text(encoding="utf-8").splitlines():
        lines = [l.strip() for l in raw.split(" / ")]
        if len(lines) == 3 and all(lines):
            poems.append(lines)
    return poems


def read_verse(verse_dir: Path, max_chars: int | None, seed: int = 1) -> list:
    """Stanza-sized chunks (at most 8 lines) of public-domain verse, sampled up to max_chars (None: all of it).
    The shuffle does not depend on max_chars, so every size holds out a prefix of the same order."""
    chunks = []
    with gzip.open(verse_dir / "facjure_public_domain_poetry.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            poem = json.loads(line)
            for stanza in poem["text"].split("\n\n"):
                if "\ufffd" in stanza:
                    continue
                lines = [l.strip() for l in stanza.split("\n") if l.strip()]
                for i in range(0, len(lines), 8):
                    chunk = "\n".join(lines[i:i + 8])
                    if len(chunk) >= 40:
                        chunks.append(chunk)
    rng = random.Random(seed)
    rng.shuffle(chunks)
    picked, total = [], 0
    for c in chunks:
        if max_chars is not None and total >= max_chars:
            break
        picked.append(c)
        total += len(c)
    return picked


def pick_keywords(lines, doc_freq: Counter, rng: random.Random) -> list:
    words = []
    for w in WORD.findall(" ".join(lines).lower()):
        if len(w) >= 3 and "'" not in w and w not in STOPWORDS and doc_freq[w] >= 3 and w not in words:
            words.append(w)
    if not words:
        return []
    k = min(len(words), rng.choices([1, 2, 3], weights=[3, 5, 2])[0])
    chosen = set(rng.sample(words, k))
    return [w for w in words if w in chosen]


def haiku_examples(lines, keywords, pron, rng: random.Random, phoneme_share: float) -> list:
    text = " / ".join(lines)
    examples = []
    if keywords:
        examples.append(f"({' '.join(keywords)} = {text})")
    if rng.random() < phoneme_share:
        ph_lines = [phonemes_of_line(l, pron) for l in lines]
        if all(ph_lines):
            ph = " / ".join(ph_lines)
            task = rng.choice(["kw2ph", "text2ph", "ph2text"])
            if task == "kw2ph" and keywords:
                examples.append(f"<{' '.join(keywords)} = {ph}>")
            elif task == "text2ph":
                examples.append(f"[{text} = {ph}]")
            else:
                examples.append(f"{{{ph} = {text}}}")
    return examples


def build(haiku_dir: Path, verse_dir: Path, cmudict: Path, tokenizer_dir: Path, out_dir: Path,
          verse_chars: int | None = 5_000_000, phoneme_share: float = 0.12, limit: int | None = None) -> dict:
    out_dir.mkdir(parents=True, exist_ok=True)
    pron = load_cmudict(cmudict)
    poems = read_haiku(haiku_dir)
    if limit:
        poems = poems[:limit]
    doc_freq = Counter()
    for lines in poems:
        doc_freq.update(set(WORD.findall(" ".join(lines).lower())))
    train_texts, held_texts, held_haiku, train_lines = [], [], [], set()
    for lines in poems:
        text = " / ".join(lines)
        rng = random.Random(hashlib.sha1(text.encode()).hexdigest())
        examples = haiku_examples(lines, pick_keywords(lines, doc_freq, rng), pron, rng, phoneme_share)
        if is_held_out(text):
            held_texts.extend(examples)
            held_haiku.append(text)
        else:
            train_texts.extend(examples)
            train_lines.update(l.strip().lower() for l in lines)
    verse = read_verse(verse_dir, verse_chars if not limit else (verse_chars or 5_000_000) // 100)
    n_held_verse = max(1, len(verse) // 50)
    train_texts.extend(verse[n_held_verse:])
    random.Random(7).shuffle(train_texts)

    enc = Encoder(tokenizer_dir)
    stats = {}
    used = {EOT}
    held_haiku_texts = list(held_texts)
    held_verse_texts = verse[:n_held_verse]
    # valid.u16 holds both kinds (the training loop's held-out loss); the two parts are also written on their own
    # so models trained on different amounts of verse can be compared on the haiku tasks alone.
    for name, texts in (("train", train_texts), ("valid", held_haiku_texts + held_verse_texts),
                        ("valid_haiku", held_haiku_texts), ("valid_verse", held_verse_texts)):
        ids = []
        for t in texts:
            ids.append(EOT)
            ids.extend(enc.encode(t))
        ids.append(EOT)
        used.update(ids)
        import array
        arr = array.array("H", ids)
        with open(out_dir / f"{name}.u16", "wb") as f:
            arr.tofile(f)
        stats[name] = {"examples": len(texts), "tokens": len(ids)}
    (out_dir / "used_token_ids.json").write_text(json.dumps(sorted(used)))
    (out_dir / "train_lines.txt").write_text("\n".join(sorted(train_lines)), encoding="utf-8")
    (out_dir / "held_out_haiku.txt").write_text("\n".join(held_haiku), encoding="utf-8")
    stats["used_tokens"] = len(used)
    stats["haiku"] = len(poems)
    stats["held_out_haiku"] = len(held_haiku)
    stats["verse_chunks"] = len(verse)
    (out_dir / "stats.json").write_text(json.dumps(stats, indent=2))
    return stats
