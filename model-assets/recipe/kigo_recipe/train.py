"""Trains a GPT2LMHeadModel on the packed corpus, with checkpoints and resume.

Speed-ups (exact, see ../shared/docs/stack-facts.md): the LM head and cross-entropy run in row chunks with the
gradient formed in the forward pass, and the softmax runs only over tokens present in the corpus; the export
then gives every other token a constant -100 logit bias so the model never emits them.
"""
from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import numpy as np
import torch

from .model import GPT2Config, GPT2LMHeadModel, load_checkpoint, save_checkpoint


class SubsetLMLoss(torch.autograd.Function):
    """Mean cross-entropy of hidden states against a subset of the vocabulary, chunked over rows."""

    @staticmethod
    def forward(ctx, hidden, weight_subset, targets, chunk: int):
        n = hidden.shape[0]
        grad_hidden = torch.empty_like(hidden)
        grad_weight = torch.zeros_like(weight_subset)
        total = hidden.new_zeros(())
        rows = torch.arange(chunk)
        for start in range(0, n, chunk):
            h = hidden[start:start + chunk]
            t = targets[start:start + chunk]
            logits = h @ weight_subset.t()
            lse = torch.logsumexp(logits, dim=1)
            r = rows[: h.shape[0]]
            total += (lse - logits[r, t]).sum()
            probs = torch.exp(logits - lse.unsqueeze(1))  # reuses the logits' memory pattern
            probs[r, t] -= 1.0
            probs /= n
            grad_hidden[start:start + chunk] = probs @ weight_subset
            grad_weight.addmm_(probs.t(), h)
        ctx.save_for_backward(grad_hidden, grad_weight)
        return total / n

    @staticmethod
    def backward(ctx, grad_output):
        grad_hidden, grad_weight = ctx.saved_tensors
        return grad_hidden * grad_output, grad_weight * grad_output, None, None


class Batches:
    """Random windows of seq_len+1 tokens from a packed uint16 token file."""

    def __init__(self, path: Path, seq_len: int, batch: int, seed: int):
        self.data = np.fromfile(path, dtype=np.uint16)
        self.seq_len, self.batch = seq_len, batch
        self.rng = np.random.default_rng(seed)

    def next(self):
        starts = self.rng.integers(0, len(self.data) - self.seq_len - 1, size=self.batch)
        win = np.stack([self.data[s:s + self.seq_len + 1] for s in starts]).astype(np.int64)
        return torch.from_numpy(win[:, :-1]), torch.from_numpy(win[:, 1:])


def lr_at(step: int, total: int, peak: float, warmup: int, floor: float) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    return floor + 0.5 * (peak - floor) * (1 + math.cos(math.pi * progress))


@torch.no_grad()
def evaluate_loss(model, corpus: Path, used: torch.Tensor, remap: torch.Tensor, seq_len: int, max_windows=200,
                  split: str = "valid"):
    """Mean per-token loss over consecutive windows of a held-out split (subset softmax = the exported model)."""
    data = np.fromfile(corpus / f"{split}.u16", dtype=np.uint16).astype(np.int64)
    model.eval()
    losses, count = 0.0, 0
    w = model.transformer.wte.weight[used]
    for i in range(min(max_windows, (len(data) - 1) // seq_len)):
        x = torch.from_numpy(data[i * seq_len:(i + 1) * seq_len]).unsqueeze(0)
        y = torch.from_numpy(data[i * seq_len + 1:(i + 1) * seq_len + 1])
        h, _ = model.hidden(x)
        logits = h[0] @ w.t()
        losses += torch.nn.functional.cross_entropy(logits, remap[y], reduction="sum").item()
        count += len(y)
    model.train()
    return losses / max(1, count)


def train(corpus: Path, out_dir: Path, cfg: GPT2Config, total_steps: int, batch: int, seq_len: int,
          peak_lr: float, warmup: int, checkpoint_every: int, seed: int = 1234, threads: int = 2,
          log=print, max_minutes: float | None = None) -> Path:
    torch.set_num_threads(threads)
    out_dir.mkdir(parents=True, exist_ok=True)
    ckpt = out_dir / "checkpoint.pt"
    used_ids = json.loads((corpus / "used_token_ids.json").read_text())
    used = torch.tensor(used_ids, dtype=torch.long)
    remap = torch.full((cfg.vocab_size,), -1, dtype=torch.long)
    remap[used] = torch.arange(len(used))

    torch.manual_seed(seed)
    if ckpt.exists():
        model, payload = load_checkpoint(ckpt)
        step = payload["step"]
        log(f"resuming from {ckpt} at step {step}")
    else:
        model, payload, step = GPT2LMHeadModel(cfg), None, 0
    model.set_unused_token_bias(used_ids)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=peak_lr, betas=(0.9, 0.95))
    if payload and "optimizer" in payload:
        opt.load_state_dict(payload["optimizer"])
    batches = Batches(corpus / "train.u16", seq_len, batch, seed + step)
    model.train()
    started, window_tokens, window_start = time.time(), 0, time.time()
    train_seconds = payload.get("train_seconds", 0.0) if payload else 0.0
    while step < total_steps:
        lr = lr_at(step, total_steps, peak_lr, warmup, peak_lr / 10)
        for g in opt.param_groups:
            g["lr"] = lr
        x, y = batches.next()
        h, _ = model.hidden(x)
        loss = SubsetLMLoss.apply(h.reshape(-1, cfg.n_embd), model.transformer.wte.weight[used], remap[y.reshape(-1)],
                                  1024)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        window_tokens += x.numel()
        if step % 50 == 0:
            now = time.time()
            log(f"step {step}/{total_steps} loss {loss.item():.3f} lr {lr:.2e} "
                f"{window_tokens / (now - window_start):.0f} tok/s")
            window_tokens, window_start = 0, now
        out_of_time = max_minutes is not None and time.time() - started > max_minutes * 60
        if step % checkpoint_every == 0 or step == total_steps or out_of_time:
            elapsed = train_seconds + time.time() - started
            extra = {"step": step, "train_seconds": elapsed}
            if step % (checkpoint_every * 5) == 0 or step == total_steps or out_of_time:
                extra["valid_loss"] = evaluate_loss(model, corpus, used, remap, seq_len)
                log(f"step {step} valid loss {extra['valid_loss']:.3f} (ppl {math.exp(extra['valid_loss']):.1f})")
            save_checkpoint(ckpt, model, opt, extra)
            if out_of_time:
                break
    return ckpt
