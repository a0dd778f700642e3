#!/usr/bin/python3
"""Trains (or resumes training) Kigo's default model.

Usage (background, resumable; run again to resume from <out>/checkpoint.pt):
  OPENBLAS_CORETYPE=SkylakeX nohup /usr/bin/python3 train.py --corpus /work/cache/kigo-corpus \
      --out /work/cache/kigo-train > /work/cache/kigo-train/train.log 2>&1 &
Needs Debian's python3-torch with OpenBLAS (apt-get install -y python3-torch libopenblas0-openmp): with the
reference BLAS it is about 50x slower. Check that the CPU has AVX-512 before keeping OPENBLAS_CORETYPE=SkylakeX.

On a GPU (torch 2 with CUDA; the shipped 8 x 384 model, about 5 minutes on one H200):
  python3 train.py --device cuda --corpus /work/cache/kigo-corpus-all --out /work/cache/gpu-run
The GPU loop (kigo_recipe/train_gpu.py) has its own defaults: 8 layers x 384, 6 heads, batch 128 x 256, peak
learning rate 1.5e-3, 6,258 steps, dropout 0.1, held-out loss every 400 steps; it writes <out>/parts (the best
step's weights as fp16 parts) for `kigo_recipe.export --parts`. `--loop gpu --device cpu` runs that loop on the
CPU (the tests do, at a tiny size).
"""
import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.model import GPT2Config  # noqa: E402
from kigo_recipe.train import train  # noqa: E402
import torch  # noqa: E402

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--device", default="cpu", help="cpu, or cuda (which selects the GPU loop)")
    p.add_argument("--loop", choices=("cpu", "gpu"), default=None, help="default: gpu on cuda, cpu otherwise")
    p.add_argument("--layers", type=int, default=None, help="default 6 (CPU loop) / 8 (GPU loop)")
    p.add_argument("--width", type=int, default=None, help="default 256 / 384")
    p.add_argument("--heads", type=int, default=None, help="default 8 / 6")
    p.add_argument("--context", type=int, default=256)
    p.add_argument("--steps", type=int, default=None, help="default 14000 / 6258")
    p.add_argument("--batch", type=int, default=None, help="default 16 / 128")
    p.add_argument("--seq", type=int, default=None, help="default 128 / 256")
    p.add_argument("--lr", type=float, default=None, help="default 1e-3 / 1.5e-3")
    p.add_argument("--warmup", type=int, default=300, help="CPU loop: warm-up steps (the GPU loop warms up over 4%%)")
    p.add_argument("--dropout", type=float, default=0.1, help="GPU loop only")
    p.add_argument("--eval-every", type=int, default=400, help="GPU loop only: held-out loss and best-step check")
    p.add_argument("--checkpoint-every", type=int, default=100)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--max-minutes", type=float, default=None, help="stop (with a checkpoint) after this long")
    a = p.parse_args()
    if "OPENBLAS_CORETYPE" not in os.environ:
        print("note: OPENBLAS_CORETYPE is not set; OpenBLAS may mis-detect this CPU and run slowly", flush=True)
    gpu = (a.loop or ("gpu" if a.device.startswith("cuda") else "cpu")) == "gpu"
    pick = lambda value, cpu_default, gpu_default: value if value is not None else (gpu_default if gpu else cpu_default)  # noqa: E731
    cfg = GPT2Config(n_layer=pick(a.layers, 6, 8), n_embd=pick(a.width, 256, 384), n_head=pick(a.heads, 8, 6),
                     n_positions=a.context)
    steps, batch, seq, lr = pick(a.steps, 14000, 6258), pick(a.batch, 16, 128), pick(a.seq, 128, 256), pick(a.lr, 1e-3, 1.5e-3)
    log = lambda s: print(s, flush=True)  # noqa: E731
    if gpu:
        from kigo_recipe.train_gpu import train_gpu  # noqa: E402
        torch.set_num_threads(a.threads)
        train_gpu(a.corpus, a.out, cfg, steps, batch, seq, lr, dropout=a.dropout, eval_every=a.eval_every,
                  device=a.device, log=log)
    else:
        train(a.corpus, a.out, cfg, steps, batch, seq, lr, a.warmup, a.checkpoint_every, threads=a.threads,
              log=log, max_minutes=a.max_minutes)
