#!/usr/bin/python3
"""The recipe end to end in miniature, for CI: corpus from 100 records, a 20-step training run (10 steps, then a
resume from the checkpoint to 20), export to a bundle, and torch's reference logits for the Java parity check.

  /usr/bin/python3 recipe_smoke.py --out /tmp/kigo-smoke [--loop gpu] [--data ../../../shared/data]

--loop gpu runs the GPU loop (kigo_recipe/train_gpu.py) on the CPU instead, and exports the best step's packed
fp16 weights with --weights fp16, as the shipped model was made. --data defaults to testdata/ (made from
public-domain verse, see testdata/SOURCES.md); the tokenizer is the shipped model's tokenizer.json.

Writes <out>/bundle (model.onnx, tokenizer.json, model.json), <out>/reference.json (prompt ids, greedy ids) and
<out>/reference_logits.f32 (float32 little-endian, one row of vocabulary size per step: prompt step + 20 cached).
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.corpus import build  # noqa: E402
from kigo_recipe.export import export_bundle  # noqa: E402
from kigo_recipe.model import EOT_ID, GPT2Config, load_checkpoint  # noqa: E402
from kigo_recipe.parts import read_parts  # noqa: E402
from kigo_recipe.train import train  # noqa: E402
from kigo_recipe.train_gpu import train_gpu  # noqa: E402
from kigo_recipe.bpe import Encoder  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=Path(__file__).resolve().parent / "testdata",
                   help="a folder with haiku/ and verse/ (default: testdata/)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--loop", choices=("cpu", "gpu"), default="cpu")
    a = p.parse_args()
    torch.manual_seed(0)
    tokenizer_dir = REPO / "model-assets" / "kigo-haiku"
    corpus = a.out / "corpus"
    stats = build(a.data / "haiku", a.data / "verse", REPO / "dictionaries" / "cmudict.dict", tokenizer_dir, corpus,
                  verse_chars=200_000, limit=100)
    cfg = GPT2Config(n_layer=2, n_embd=32, n_head=2, n_positions=128)
    report = {"corpus": stats, "loop": a.loop}
    if a.loop == "cpu":
        common = dict(batch=4, seq_len=32, peak_lr=3e-3, warmup=5, checkpoint_every=5, threads=2, log=lambda s: None)
        train(corpus, a.out / "train", cfg, total_steps=10, **common)
        ckpt = train(corpus, a.out / "train", cfg, total_steps=20, **common)  # resumes at step 10
        model, payload = load_checkpoint(ckpt)
        report.update(steps=payload["step"], valid_loss=payload.get("valid_loss"))
        weights = "fp32"
    else:
        losses = []  # the training loss the loop logs at step 1 (and every 50 steps)
        log = lambda s: losses.append(float(s.split(" loss ")[1].split()[0])) if s.startswith("step 1/") else None  # noqa: E731
        common = dict(batch=8, seq_len=32, peak_lr=3e-3, dropout=0.1, eval_every=10, device="cpu", log=log)
        train_gpu(corpus, a.out / "train", cfg, total_steps=20, **common)
        parts = train_gpu(corpus, a.out / "train", cfg, total_steps=40, **common)  # resumes at step 20
        model, meta = read_parts(parts)
        report.update(steps=meta["evals"][-1]["step"], first_loss=losses[0], last_loss=meta["evals"][-1]["train_loss"],
                      best_step=meta["best_step"], evals=meta["evals"])
        weights = "fp16"
    model.eval()
    export_bundle(model, a.out / "bundle", tokenizer_dir / "tokenizer.json", "recipe-smoke", EOT_ID,
                  provenance=f"recipe_smoke.py: {report['steps']} steps on 100 records ({a.loop} loop)",
                  weights=weights)

    prompt = [EOT_ID] + Encoder(tokenizer_dir).encode("(pond frog =")
    rows, greedy = [], []
    with torch.no_grad():
        logits, past = model(torch.tensor([prompt]))
        rows.append(logits[0, -1])
        for _ in range(20):
            nxt = int(torch.argmax(rows[-1]))
            greedy.append(nxt)
            logits, past = model(torch.tensor([[nxt]]), past=past,
                                 attention_mask=torch.ones(1, len(prompt) + len(greedy), dtype=torch.long))
            rows.append(logits[0, -1])
    np.stack([r.numpy() for r in rows]).astype("<f4").tofile(a.out / "reference_logits.f32")
    (a.out / "reference.json").write_text(json.dumps({"promptIds": prompt, "greedyIds": greedy, "vocab": cfg.vocab_size,
                                                      **report}))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
