"""The GPU training loop: the recipe that made the shipped 8 x 384 model on one GPU in about five minutes.

What differs from the CPU loop (train.py), and why:
- bf16 autocast and torch's fused attention: the GPU's fast paths; the weights and optimizer stay fp32.
- Dropout 0.1 (embeddings, attention probabilities, attention output, MLP output): the run passes over the
  corpus about 11 times, where the CPU run passed about three.
- Batch 128 x 256 tokens, peak learning rate 1.5e-3, linear warm-up over the first 4% of steps, cosine decay to
  10% of the peak.
- The held-out loss is measured every --eval-every steps on the haiku tasks and on the verse separately, and the
  weights of the best haiku-task step are kept, as packed fp16 parts (kigo_recipe.parts): what comes back from
  the GPU machine is ~60 MB, and `kigo_recipe.export --parts ... --weights fp16` turns it into the bundle.
- The softmax runs over the corpus's tokens only, as on the CPU; every other token gets the -100 bias at export.

The same loop runs on the CPU (device "cpu", no autocast), which is how the tests check it at a tiny size.
A resumable checkpoint (the CPU loop's format: config, model, logit_bias, optimizer, step) is written at each
evaluation, so an interrupted run continues where it stopped.
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from .model import GPT2Config, GPT2LMHeadModel, load_checkpoint, save_checkpoint
from .parts import write_parts
from .train import lr_at

EVAL_WINDOWS = 400


class DeviceBatches:
    """Random windows of seq_len+1 tokens, drawn on the device from the whole corpus held there."""

    def __init__(self, path: Path, seq_len: int, batch: int, seed: int, device: str):
        self.data = torch.from_numpy(np.fromfile(path, dtype=np.uint16).astype(np.int64)).to(device)
        self.seq_len, self.batch, self.device = seq_len, batch, device
        self.offsets = torch.arange(seq_len + 1, device=device)
        self.generator = torch.Generator(device=device)
        self.generator.manual_seed(seed)

    def next(self):
        starts = torch.randint(0, len(self.data) - self.seq_len - 1, (self.batch,), device=self.device,
                               generator=self.generator)
        win = self.data[starts[:, None] + self.offsets]
        return win[:, :-1], win[:, 1:]


def _autocast(device: str):
    if device.startswith("cuda"):
        return torch.autocast(device_type="cuda", dtype=torch.bfloat16)
    return torch.autocast(device_type="cpu", enabled=False)


@torch.no_grad()
def held_out_losses(model, corpus: Path, used, remap, seq_len: int, device: str) -> dict:
    """Mean loss per token on each held-out split the corpus has (haiku tasks and verse apart when it can)."""
    splits = [s for s in ("valid_haiku", "valid_verse") if (corpus / f"{s}.u16").exists()] or ["valid"]
    model.eval()
    weight = model.transformer.wte.weight[used]
    losses = {}
    for split in splits:
        data = torch.from_numpy(np.fromfile(corpus / f"{split}.u16", dtype=np.uint16).astype(np.int64)).to(device)
        width = min(seq_len, len(data) - 1)
        if width < 1:
            continue
        n = min(EVAL_WINDOWS, (len(data) - 1) // width)
        x = data[:n * width].view(n, width)
        y = remap[data[1:n * width + 1].view(n, width)]
        total = 0.0
        for i in range(0, n, 16):
            with _autocast(device):
                h, _ = model.hidden(x[i:i + 16])
                logits = h.float() @ weight.float().t()
            total += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), y[i:i + 16].reshape(-1),
                                     reduction="sum").item()
        losses[split] = total / (n * width)
    model.train()
    return losses


def train_gpu(corpus: Path, out_dir: Path, cfg: GPT2Config, total_steps: int, batch: int = 128, seq_len: int = 256,
              peak_lr: float = 1.5e-3, warmup_share: float = 0.04, dropout: float = 0.1, eval_every: int = 400,
              device: str = "cuda", seed: int = 1234, log=print) -> Path:
    """Trains and writes <out>/parts (the best held-out step's weights) and <out>/checkpoint.pt; returns parts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ckpt = out_dir / "checkpoint.pt"
    used_ids = json.loads((corpus / "used_token_ids.json").read_text())
    used = torch.tensor(used_ids, dtype=torch.long, device=device)
    remap = torch.full((cfg.vocab_size,), -1, dtype=torch.long, device=device)
    remap[used] = torch.arange(len(used), device=device)

    torch.manual_seed(seed)
    facts = {"batch": batch, "seq": seq_len, "lr": peak_lr, "dropout": dropout, "total_steps": total_steps,
             "warmup_steps": max(1, int(total_steps * warmup_share)), "torch": torch.__version__, "device": device,
             "evals": [], "best_step": None, "best_valid_haiku": None}
    if ckpt.exists():
        model, payload = load_checkpoint(ckpt)
        step = payload["step"]
        facts.update(payload.get("facts", {}))
        log(f"resuming from {ckpt} at step {step}")
    else:
        model, payload, step = GPT2LMHeadModel(cfg), None, 0
    model.set_unused_token_bias(used_ids)
    model.set_training_options(dropout, fused_attention=True)
    model.to(device)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=peak_lr, betas=(0.9, 0.95))
    if payload and "optimizer" in payload:
        opt.load_state_dict(payload["optimizer"])
    facts["n_params"] = sum(p.numel() for p in model.parameters())
    batches = DeviceBatches(corpus / "train.u16", seq_len, batch, seed + step, device)
    parts = out_dir / "parts"
    model.train()
    started = time.time()
    while step < total_steps:
        lr = lr_at(step, total_steps, peak_lr, facts["warmup_steps"], peak_lr / 10)
        for g in opt.param_groups:
            g["lr"] = lr
        x, y = batches.next()
        with _autocast(device):
            h, _ = model.hidden(x)
            logits = h.reshape(-1, cfg.n_embd) @ model.transformer.wte.weight[used].t()
        loss = F.cross_entropy(logits.float(), remap[y.reshape(-1)])
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        if step % 50 == 0 or step == 1:
            log(f"step {step}/{total_steps} loss {loss.item():.3f} lr {lr:.2e} "
                f"{(time.time() - started) / max(1, step - (payload or {}).get('step', 0)) * 1000:.1f} ms/step")
        if step % eval_every == 0 or step == total_steps:
            losses = held_out_losses(model, corpus, used, remap, seq_len, device)
            haiku = losses.get("valid_haiku", losses.get("valid", next(iter(losses.values()))))
            facts["evals"].append({"step": step, "train_loss": round(loss.item(), 4),
                                   **{k: round(v, 4) for k, v in losses.items()},
                                   "seconds": round(time.time() - started, 1)})
            log(f"step {step} held out: " + ", ".join(f"{k} {v:.3f} (ppl {math.exp(v):.1f})"
                                                      for k, v in losses.items()))
            if facts["best_valid_haiku"] is None or haiku < facts["best_valid_haiku"]:
                facts["best_step"], facts["best_valid_haiku"] = step, round(haiku, 4)
                write_parts(model, used_ids, parts, facts)
            else:
                meta = json.loads((parts / "meta.json").read_text())
                meta["evals"] = facts["evals"]
                (parts / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
            # The CPU loop's format; load_checkpoint maps the tensors back to the CPU.
            save_checkpoint(ckpt, model, opt, {"step": step, "facts": facts})
    log(f"best held-out haiku loss {facts['best_valid_haiku']} at step {facts['best_step']}; weights in {parts}")
    return parts

