#!/usr/bin/python3
"""Evaluates a Kigo model for its model card.

  /usr/bin/python3 evaluate.py --model ../kigo-haiku --corpus /work/cache/kigo-corpus \
      [--checkpoint /work/cache/kigo-train/checkpoint.pt | --parts /work/cache/gpu-run/parts]

1. Perplexity per token on the held-out split (valid.u16: held-out haiku in every task format plus held-out verse;
   and each part on its own where the corpus has valid_haiku.u16 and valid_verse.u16), computed in torch from the
   checkpoint or packed weights with the same subset softmax the exported model has (tokens outside the corpus carry
   a -100 logit bias, i.e. probability ~e^-100). Also, for any bundle (no checkpoint needed, so models trained on
   different corpora compare on the same text): the perplexity Kigo's engine gives the 200 prompts' own held-out
   haiku, written as keywords-to-haiku examples (`kigo score`).
2. 200 keyword prompts made from held-out haiku with the corpus's own keyword method; one haiku per prompt from
   Kigo's Java generator with the default settings (`kigo evaluate`), judged by Kigo's own syllable counter:
   share with 3 lines, share that scan 5-7-5, distinct-2, share of lines found verbatim in the training corpus.
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.corpus import WORD, pick_keywords  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def held_out_perplexity(corpus: Path, checkpoint: Path | None = None, parts: Path | None = None) -> dict:
    import torch
    from kigo_recipe.train import evaluate_loss
    torch.set_num_threads(2)
    if parts:
        from kigo_recipe.parts import read_parts
        model, meta = read_parts(parts)
        report = {"step": meta.get("best_step")}
    else:
        from kigo_recipe.model import load_checkpoint
        model, payload = load_checkpoint(checkpoint)
        report = {"step": payload.get("step"), "train_hours": round(payload.get("train_seconds", 0) / 3600, 2)}
    used = torch.tensor(json.loads((corpus / "used_token_ids.json").read_text()), dtype=torch.long)
    remap = torch.full((model.config.vocab_size,), -1, dtype=torch.long)
    remap[used] = torch.arange(len(used))
    for key, split in (("held_out", "valid"), ("held_out_haiku_tasks", "valid_haiku"), ("held_out_verse", "valid_verse")):
        if (corpus / f"{split}.u16").exists():
            loss = evaluate_loss(model, corpus, used, remap, 128, max_windows=10_000, split=split)
            report[f"{key}_loss"] = round(loss, 4)
            report[f"{key}_perplexity"] = round(math.exp(loss), 2)
    return report


def kigo_perplexity(model: Path, examples: list, out: Path) -> dict:
    """Token-weighted perplexity Kigo's engine gives the examples (each scored after an end-of-text token)."""
    path = out / "held-out-examples.txt"
    path.write_text("\n".join(examples) + "\n", encoding="utf-8")
    result = subprocess.run([str(REPO / "kigo"), "score", "--model", str(model.resolve()), "--json", str(path)],
                            check=True, capture_output=True, text=True)
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    tokens = sum(r["tokens"] for r in rows)
    mean = sum(r["meanLogProb"] * r["tokens"] for r in rows) / tokens
    return {"kigo_held_out_haiku_examples": len(rows), "kigo_held_out_haiku_loss": round(-mean, 4),
            "kigo_held_out_haiku_perplexity": round(math.exp(-mean), 2)}


def keyword_prompts(corpus: Path, n: int, seed: int = 2026) -> list:
    """(keywords, held-out haiku) pairs, the same n on every run."""
    held = [h.split(" / ") for h in (corpus / "held_out_haiku.txt").read_text(encoding="utf-8").splitlines()]
    doc_freq = Counter()
    for line in (corpus / "train_lines.txt").read_text(encoding="utf-8").splitlines():
        doc_freq.update(set(WORD.findall(line)))
    rng = random.Random(seed)
    rng.shuffle(held)
    prompts = []
    for lines in held:
        kw = pick_keywords(lines, doc_freq, rng)
        if kw:
            prompts.append((" ".join(kw), " / ".join(lines)))
        if len(prompts) == n:
            break
    return prompts


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", type=Path, required=True, help="the exported bundle folder")
    p.add_argument("--corpus", type=Path, required=True, help="the folder build_corpus.py wrote")
    weights = p.add_mutually_exclusive_group()
    weights.add_argument("--checkpoint", type=Path, default=None, help="for the held-out perplexity")
    weights.add_argument("--parts", type=Path, default=None, help="packed fp16 weights, for the held-out perplexity")
    p.add_argument("--prompts", type=int, default=200)
    p.add_argument("--out", type=Path, default=None, help="write the report JSON and samples here")
    a = p.parse_args()
    out = a.out or a.corpus / "evaluation"
    out.mkdir(parents=True, exist_ok=True)
    report = {}
    if a.checkpoint or a.parts:
        report.update(held_out_perplexity(a.corpus, a.checkpoint, a.parts))
        print(json.dumps(report), flush=True)
    pairs = keyword_prompts(a.corpus, a.prompts)
    report.update(kigo_perplexity(a.model, [f"({kw} = {haiku})" for kw, haiku in pairs], out))
    print(json.dumps(report), flush=True)
    prompts_file = out / "prompts.txt"
    prompts_file.write_text("\n".join(kw for kw, _ in pairs) + "\n", encoding="utf-8")
    cmd = [str(REPO / "kigo"), "evaluate", "--model", str(a.model.resolve()), "--prompts", str(prompts_file),
           "--training-lines", str(a.corpus / "train_lines.txt"), "--samples-out", str(out / "samples.txt"), "--json"]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    report.update(json.loads(result.stdout.strip().splitlines()[-1]))
    (out / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
