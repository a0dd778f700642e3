#!/usr/bin/python3
"""Exports a HuggingFace GPT-2-family checkpoint (gpt2, distilgpt2, gpt2-medium, deep-haiku-gpt-2, ...) to a
Kigo model bundle: model.onnx + tokenizer.json + model.json.

On a machine that has the checkpoint folder (config.json, pytorch_model.bin or model.safetensors, tokenizer.json):
  OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 export_hf.py --hf-dir ~/models/gpt2 --out ~/kigo-models/gpt2

Weights are read with torch.load from pytorch_model.bin; for model.safetensors the `safetensors` package (or
`transformers`) must be installed. No network access is needed or attempted. The keys are HuggingFace's own
(transformer.h.0.attn.c_attn.weight, ...), which kigo_recipe.model uses too, so nothing is renamed.
If the folder has no tokenizer.json, pass --tokenizer (GPT-2's is in Kigo's model-assets/kigo-haiku/).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.export import LAYOUTS, export_bundle  # noqa: E402
from kigo_recipe.model import GPT2LMHeadModel, config_from_hf, load_hf_state_dict  # noqa: E402


def read_hf_weights(hf_dir: Path) -> dict:
    bin_path = hf_dir / "pytorch_model.bin"
    if bin_path.exists():
        return torch.load(bin_path, map_location="cpu")
    st_path = hf_dir / "model.safetensors"
    if st_path.exists():
        try:
            from safetensors.torch import load_file
        except ImportError as e:
            raise SystemExit(f"{st_path} needs the 'safetensors' package (pip install safetensors)") from e
        return load_file(str(st_path))
    raise SystemExit(f"{hf_dir} has neither pytorch_model.bin nor model.safetensors")


def load_hf_model(hf_dir: Path) -> GPT2LMHeadModel:
    config_path = hf_dir / "config.json"
    if not config_path.exists():
        raise SystemExit(f"{config_path} is missing: not a HuggingFace model folder")
    hf_config = json.loads(config_path.read_text(encoding="utf-8"))
    if hf_config.get("model_type", "gpt2") != "gpt2":
        raise SystemExit(f"{config_path}: model_type {hf_config.get('model_type')!r} is not GPT-2")
    model = GPT2LMHeadModel(config_from_hf(hf_config))
    sd = read_hf_weights(hf_dir)
    # Some checkpoints (e.g. saved from GPT2Model) lack the "transformer." prefix.
    if not any(k.startswith("transformer.") for k in sd):
        sd = {("transformer." + k if not k.startswith("lm_head") else k): v for k, v in sd.items()}
    load_hf_state_dict(model, sd)
    return model.eval()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--hf-dir", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--tokenizer", type=Path, default=None, help="tokenizer.json if the folder has none")
    p.add_argument("--name", default=None)
    p.add_argument("--layout", default="optimum", choices=LAYOUTS)
    p.add_argument("--formats", default="plain",
                   help="comma-separated prompt formats the model was trained on, e.g. "
                        "keywords-to-haiku,keywords-to-phonemes,text-to-phonemes,phonemes-to-text,plain")
    p.add_argument("--licence", default="see the original model's card")
    a = p.parse_args(argv)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    tokenizer = a.tokenizer or a.hf_dir / "tokenizer.json"
    if not tokenizer.exists():
        raise SystemExit(f"{tokenizer} is missing: pass --tokenizer")
    model = load_hf_model(a.hf_dir)
    out = export_bundle(model, a.out, tokenizer, a.name or a.hf_dir.name, 50256, a.layout, True, a.licence,
                        f"Exported by Kigo's export_hf.py from the HuggingFace checkpoint {a.hf_dir.name}.",
                        tuple(f for f in a.formats.split(",") if f))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
