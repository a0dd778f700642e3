#!/usr/bin/python3
"""Evaluates a Kigo model for its model card.

  /usr/bin/python3 evaluate.py --model ../kigo-haiku --corpus /work/cache/kigo-corpus \
      [--checkpoint /work/cache/kigo-train/checkpoint.pt]

1. Perplexity per token on the held-out split (valid.u16: held-out haiku in every task format plus held-out verse),
   computed in torch from the checkpoint with the same subset softmax the exported model has (tokens outside the
   corpus carry a -100 logit bias, i.e. probability ~e^-100).
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


def held_out_perplexity(checkpoint: Path, corpus: Path) -> dict:
    import torch
    from kigo_recipe.model import load_checkpoint
    from kigo_recipe.train import evaluate_loss
    torch.set_num_threads(2)
    model, payload = load_checkpoint(checkpoint)
    used = torch.tensor(json.loads((corpus / "used_token_ids.json").read_text()), dtype=torch.long)
    remap = torch.full((model.config.vocab_size,), -1, dtype=torch.long)
    remap[used] = torch.arange(len(used))
    loss = evaluate_loss(model, corpus, used, remap, 128, max_windows=10_000)
    return {"step": payload.get("step"), "train_hours": round(payload.get("train_seconds", 0) / 3600, 2),
            "held_out_loss": round(loss, 4), "held_out_perplexity": round(math.exp(loss), 2)}


def keyword_prompts(corpus: Path, n: int, seed: int = 2026) -> list:
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
            prompts.append(" ".join(kw))
        if len(prompts) == n:
            break
    return prompts


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", type=Path, required=True, help="the exported bundle folder")
    p.add_argument("--corpus", type=Path, required=True, help="the folder build_corpus.py wrote")
    p.add_argument("--checkpoint", type=Path, default=None, help="for the held-out perplexity")
    p.add_argument("--prompts", type=int, default=200)
    p.add_argument("--out", type=Path, default=None, help="write the report JSON and samples here")
    a = p.parse_args()
    out = a.out or a.corpus / "evaluation"
    out.mkdir(parents=True, exist_ok=True)
    report = {}
    if a.checkpoint:
        report.update(held_out_perplexity(a.checkpoint, a.corpus))
        print(json.dumps(report), flush=True)
    prompts_file = out / "prompts.txt"
    prompts_file.write_text("\n".join(keyword_prompts(a.corpus, a.prompts)) + "\n", encoding="utf-8")
    cmd = [str(REPO / "kigo"), "evaluate", "--model", str(a.model.resolve()), "--prompts", str(prompts_file),
           "--training-lines", str(a.corpus / "train_lines.txt"), "--samples-out", str(out / "samples.txt"), "--json"]
    result = subprocess.run(cmd, check=True, capture_output=True, text=True)
    report.update(json.loads(result.stdout.strip().splitlines()[-1]))
    (out / "report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
