"""Packed fp16 weights: the form a GPU run hands back (small enough to move, exact for the shipped model).

A parts folder holds `weights.part0`, `weights.part1`, ... (one `torch.save` of an fp16 state dict cut into 15 MiB
pieces) and `meta.json` with `config` (GPT2Config fields), `used_ids` (the sorted token ids the corpus uses),
`weights_sha1` and `weights_bytes` of the joined bytes, and the run's facts (`evals`, `best_step`, ...).
`transformer.wte.weight` keeps only the rows of `used_ids`, in that order: the other rows are never trained
(the softmax runs over the used tokens only), and the export gives those tokens the -100 logit bias anyway.
"""
from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import torch

from .model import GPT2Config, GPT2LMHeadModel

PART_BYTES = 15 * 1024 * 1024
WTE = "transformer.wte.weight"


def write_parts(model: GPT2LMHeadModel, used_ids, out_dir: Path, facts: dict | None = None) -> Path:
    """Writes the model's weights as fp16 parts plus meta.json."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    used = torch.as_tensor(sorted(used_ids), dtype=torch.long)
    sd = {k: v.detach().to("cpu", torch.float16).clone() for k, v in model.state_dict().items()}
    sd[WTE] = sd[WTE][used].clone()
    buf = io.BytesIO()
    torch.save(sd, buf)
    data = buf.getvalue()
    for old in out.glob("weights.part*"):
        old.unlink()
    for i in range(0, max(1, (len(data) + PART_BYTES - 1) // PART_BYTES)):
        (out / f"weights.part{i}").write_bytes(data[i * PART_BYTES:(i + 1) * PART_BYTES])
    meta = dict(facts or {})
    meta.update({"config": model.config.to_json(), "used_ids": [int(i) for i in used],
                 "n_params": sum(p.numel() for p in model.parameters()),
                 "weights_bytes": len(data), "weights_sha1": hashlib.sha1(data).hexdigest()})
    (out / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return out


def read_parts(parts_dir: Path) -> tuple[GPT2LMHeadModel, dict]:
    """Rebuilds the fp32 model: joins the parts (checking size and sha1), puts the embedding rows back at
    `used_ids` (zeros elsewhere) and gives every unused token the -100 logit bias."""
    folder = Path(parts_dir)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    parts = sorted(folder.glob("weights.part*"), key=lambda p: int(p.name[len("weights.part"):]))
    if not parts:
        raise SystemExit(f"{folder}: no weights.part0, weights.part1, ... files")
    data = b"".join(p.read_bytes() for p in parts)
    if "weights_bytes" in meta and len(data) != meta["weights_bytes"]:
        raise SystemExit(f"{folder}: the parts hold {len(data)} bytes, meta.json says {meta['weights_bytes']}")
    if "weights_sha1" in meta and hashlib.sha1(data).hexdigest() != meta["weights_sha1"]:
        raise SystemExit(f"{folder}: the joined parts do not match meta.json's weights_sha1")
    sd = torch.load(io.BytesIO(data), map_location="cpu")
    cfg = GPT2Config.from_json(meta["config"])
    used = torch.as_tensor(meta["used_ids"], dtype=torch.long)
    wte = torch.zeros(cfg.vocab_size, cfg.n_embd, dtype=torch.float32)
    wte[used] = sd[WTE].float()
    sd = {k: v.float() for k, v in sd.items() if not k.endswith(".attn.bias") and not k.endswith(".attn.masked_bias")}
    sd[WTE] = wte
    sd.pop("lm_head.weight", None)
    model = GPT2LMHeadModel(cfg)
    missing, unexpected = model.load_state_dict(sd, strict=False)
    if missing or unexpected:
        raise SystemExit(f"{folder}: the weights do not fit the config: missing {missing}, unexpected {unexpected}")
    model.set_unused_token_bias(meta["used_ids"])
    model.eval()
    return model, meta
