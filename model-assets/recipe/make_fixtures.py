"""Makes the engine's test fixtures: a tiny random-weight GPT-2 exported in every layout Kigo accepts, with
reference logits from torch.

  OPENBLAS_CORETYPE=SkylakeX /usr/bin/python3 model-assets/recipe/make_fixtures.py \
      [--out app/src/test/resources/fixtures/tiny-gpt2]

The tokenizer is byte-level with no merges (256 byte tokens + <|endoftext|> = 257), so "ō" (2 bytes) and an emoji
(4 bytes) are split across tokens and the engine's UTF-8 handling is exercised. The weights are scaled up from
GPT-2's initialisation so the distributions are peaked: greedy decoding then has clear winners and cached and
uncached decoding cannot flip on float noise.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kigo_recipe.bpe import bytes_to_unicode  # noqa: E402
from kigo_recipe.export import export_bundle, record_files  # noqa: E402
from kigo_recipe.model import GPT2Config, GPT2LMHeadModel  # noqa: E402

EOT_ID = 256
VARIANTS = {  # folder: (layout, position_ids, id dtype, mask dtype)
    "optimum": ("optimum", True, "int64", "int64"),
    "optimum-no-position-ids": ("optimum", False, "int64", "int64"),
    "optimum-merged": ("optimum-merged", True, "int64", "int64"),
    # convert_to_onnx's input types vary by version and flags: int32 everywhere, or a float32 mask.
    "ort-combined": ("ort-combined", True, "int32", "int32"),
    "ort-combined-no-position-ids": ("ort-combined", False, "int64", "float32"),
}
FP16_FOLDER = "optimum-fp16"
EXTERNAL_FOLDER = "optimum-external-data"
PROMPT = "(pond frog ="
BATCH_PROMPTS = ["(old pond frog =", "<rain ="]
GREEDY_STEPS = 20
BATCH_STEPS = 5


def byte_level_tokenizer() -> dict:
    alphabet = bytes_to_unicode()
    vocab = {alphabet[b]: b for b in range(256)}
    vocab["<|endoftext|>"] = EOT_ID
    byte_level = {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": EOT_ID, "content": "<|endoftext|>", "single_word": False, "lstrip": False,
                          "rstrip": False, "normalized": True, "special": True}],
        "normalizer": None,
        "pre_tokenizer": byte_level,
        "post_processor": dict(byte_level, trim_offsets=False),
        "decoder": byte_level,
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "", "fuse_unk": False, "byte_fallback": False, "vocab": vocab,
                  "merges": []},
    }


def encode(text: str) -> list:
    return list(text.encode("utf-8"))


def tiny_model() -> GPT2LMHeadModel:
    torch.manual_seed(20240611)
    model = GPT2LMHeadModel(GPT2Config(n_layer=2, n_embd=32, n_head=4, vocab_size=257, n_positions=128))
    with torch.no_grad():
        # Larger than GPT-2's init so layers matter: greedy text then varies (17 distinct tokens in 20 steps)
        # instead of repeating its last token, and its top-two margin stays above 0.06.
        model.transformer.wte.weight.normal_(std=0.5)
        model.transformer.wpe.weight.normal_(std=0.5)
        for name, p in model.named_parameters():
            if name.endswith("attn.c_attn.weight") or name.endswith("mlp.c_fc.weight"):
                p.normal_(std=0.3)
            elif name.endswith("c_proj.weight"):
                p.normal_(std=1.0)
    # Control bytes 0..8 are "never trained on": the export must carry the -100 bias like the shipped model.
    model.set_unused_token_bias(set(range(9, 257)))
    model.eval()
    return model


def greedy_reference(model, prompt_ids, steps):
    """Prompt step, then `steps` cached greedy steps; the logits at each step's last position."""
    with torch.no_grad():
        ids = torch.tensor([prompt_ids])
        logits, past = model(ids)
        all_logits = [logits[0, -1]]
        chosen = []
        for _ in range(steps):
            nxt = int(torch.argmax(all_logits[-1]))
            chosen.append(nxt)
            total = ids.shape[1] + len(chosen)
            logits, past = model(torch.tensor([[nxt]]), torch.ones(1, total, dtype=torch.long), None, past)
            all_logits.append(logits[0, -1])
    return chosen, [[float(x) for x in step] for step in all_logits]


def batch_reference(model, prompts, steps):
    """Left-padded batch (pad = end-of-text, masked out), greedy per row."""
    width = max(len(p) for p in prompts)
    ids = torch.tensor([[EOT_ID] * (width - len(p)) + p for p in prompts])
    mask = torch.tensor([[0] * (width - len(p)) + [1] * len(p) for p in prompts])
    with torch.no_grad():
        logits, past = model(ids, mask)
        rows = [logits[:, -1]]
        chosen = []
        for _ in range(steps):
            nxt = torch.argmax(rows[-1], dim=-1)
            chosen.append([int(x) for x in nxt])
            mask = torch.cat([mask, torch.ones(len(prompts), 1, dtype=torch.long)], dim=1)
            logits, past = model(nxt[:, None], mask, None, past)
            rows.append(logits[:, -1])
    return ([[c[r] for c in chosen] for r in range(len(prompts))],
            [[[float(x) for x in row] for row in step] for step in rows])


def external_data_copy(source: Path, target: Path) -> None:
    """The bundle with its weights in model.onnx.data beside the graph, as exports over 2 GB must be."""
    import onnx
    import shutil

    if target.exists():
        shutil.rmtree(target)  # onnx appends to a data file that is already there
    target.mkdir(parents=True)
    for name in ("tokenizer.json", "model.json"):
        shutil.copyfile(source / name, target / name)
    onnx.save_model(onnx.load(str(source / "model.onnx")), str(target / "model.onnx"), save_as_external_data=True,
                    all_tensors_to_one_file=True, location="model.onnx.data", size_threshold=0)
    record_files(target)


def quantized_variants(out: Path) -> None:
    """The quantized variants Kigo lists and loads (kigo_recipe.quantize): the fp32 fixture at 8 and 4 bits, and
    the fp16 fixture at 8 bits (the quantizer reads fp16 weights behind their Casts)."""
    from kigo_recipe.quantize import quantize_bundle  # noqa: E402

    quantize_bundle(out / "optimum", "int8")
    quantize_bundle(out / "optimum", "int4")
    quantize_bundle(out / FP16_FOLDER, "int8")


def main() -> None:
    parser = argparse.ArgumentParser()
    default_out = Path(__file__).resolve().parents[2] / "app/src/test/resources/fixtures/tiny-gpt2"
    parser.add_argument("--out", default=str(default_out))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)
    model = tiny_model()

    tokenizer_path = out / "tokenizer.json"
    tokenizer_path.write_text(json.dumps(byte_level_tokenizer(), ensure_ascii=False, indent=1) + "\n",
                              encoding="utf-8")
    for folder, (layout, position_ids, id_dtype, mask_dtype) in VARIANTS.items():
        export_bundle(model, out / folder, tokenizer_path, name=f"tiny-gpt2-{folder}", eot_id=EOT_ID, layout=layout,
                      position_ids=position_ids, licence="CC0-1.0 (random weights)",
                      provenance="Random weights made by model-assets/recipe/make_fixtures.py for engine tests.",
                      id_dtype=id_dtype, mask_dtype=mask_dtype)
    external_data_copy(out / "optimum", out / EXTERNAL_FOLDER)
    # Weights stored at half precision: the same model with every weight rounded to an fp16 value (as a model
    # trained or handed back at half precision has), so the stored form must give torch's fp32 logits exactly.
    half = tiny_model()
    with torch.no_grad():
        for p in half.parameters():
            p.copy_(p.half().float())
    export_bundle(half, out / FP16_FOLDER, tokenizer_path, name=f"tiny-gpt2-{FP16_FOLDER}", eot_id=EOT_ID,
                  layout="optimum", position_ids=True, licence="CC0-1.0 (random weights)",
                  provenance="Random weights made by model-assets/recipe/make_fixtures.py for engine tests.",
                  weights="fp16")
    tokenizer_path.unlink()
    quantized_variants(out)

    prompt_ids = [EOT_ID] + encode(PROMPT)
    half_ids, half_logits = greedy_reference(half, prompt_ids, GREEDY_STEPS)
    (out / f"reference-{FP16_FOLDER}.json").write_text(json.dumps({
        "about": f"Logits from torch for the {FP16_FOLDER} fixture (the tiny model's weights rounded to fp16).",
        "prompt": "<|endoftext|>" + PROMPT, "promptIds": prompt_ids, "greedyIds": half_ids,
        "logits": half_logits}) + "\n", encoding="utf-8")
    greedy_ids, logits = greedy_reference(model, prompt_ids, GREEDY_STEPS)
    batch_prompts = [encode(p) for p in BATCH_PROMPTS]
    batch_ids, batch_logits = batch_reference(model, batch_prompts, BATCH_STEPS)
    reference = {
        "about": "Logits from torch (kigo_recipe.model) for the tiny fixture: prompt step, then cached greedy steps.",
        "prompt": "<|endoftext|>" + PROMPT,
        "promptIds": prompt_ids,
        "greedyIds": greedy_ids,
        "logits": logits,
        "batch": {"prompts": BATCH_PROMPTS, "promptIds": batch_prompts, "padId": EOT_ID,
                  "greedyIds": batch_ids, "logits": batch_logits},
    }
    (out / "reference.json").write_text(json.dumps(reference) + "\n", encoding="utf-8")
    print(f"wrote fixtures to {out}")


if __name__ == "__main__":
    main()
