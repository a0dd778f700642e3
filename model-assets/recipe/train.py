#!/usr/bin/python3
"""Trains (or resumes training) Kigo's default model.

Usage (background, resumable; run again to resume from <out>/checkpoint.pt):
  OPENBLAS_CORETYPE=SkylakeX nohup /usr/bin/python3 train.py --corpus /work/cache/kigo-corpus \
      --out /work/cache/kigo-train > /work/cache/kigo-train/train.log 2>&1 &
Needs Debian's python3-torch with OpenBLAS (apt-get install -y python3-torch libopenblas0-openmp): with the
reference BLAS it is about 50x slower. Check that the CPU has AVX-512 before keeping OPENBLAS_CORETYPE=SkylakeX.
"""
import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.model import GPT2Config  # noqa: E402
from kigo_recipe.train import train  # noqa: E402

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--layers", type=int, default=6)
    p.add_argument("--width", type=int, default=256)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--context", type=int, default=256)
    p.add_argument("--steps", type=int, default=14000)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--seq", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--warmup", type=int, default=300)
    p.add_argument("--checkpoint-every", type=int, default=100)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float, default=None, help="stop (with a checkpoint) after this long")
    a = p.parse_args()
    if "OPENBLAS_CORETYPE" not in os.environ:
        print("note: OPENBLAS_CORETYPE is not set; OpenBLAS may mis-detect this CPU and run slowly", flush=True)
    cfg = GPT2Config(n_layer=a.layers, n_embd=a.width, n_head=a.heads, n_positions=a.context)
    train(a.corpus, a.out, cfg, a.steps, a.batch, a.seq, a.lr, a.warmup, a.checkpoint_every, threads=a.threads,
          log=lambda s: print(s, flush=True), max_minutes=a.max_minutes)
