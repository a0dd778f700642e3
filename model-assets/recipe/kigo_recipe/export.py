"""Exports a GPT2LMHeadModel (kigo_recipe.model) to a Kigo model bundle: model.onnx + tokenizer.json + model.json.

Three ONNX layouts, the ones users bring from the HuggingFace world:

  optimum         Optimum "with past": input_ids, attention_mask, [position_ids], past_key_values.{i}.key/.value
                  -> logits, present.{i}.key/.value; the first step feeds zero-length past tensors.
  optimum-merged  Optimum's merged decoder: the same plus use_cache_branch bool[1]; an If node picks the graph
                  without past (first step) or with past.
  ort-combined    ONNX Runtime's convert_to_onnx: input_ids, position_ids, attention_mask, past_{i} [2,B,H,P,D]
                  -> logits, present_{i}.

What keeps the export exact and small (see shared/docs/stack-facts.md): opset 14, dummy batch 2 / seq 3 / past 5
so the tracer fixes no dimension, the causal mask built from position ranges (any past length), the tied lm_head
as one Gemm with a bias sharing wte, and the logits' vocabulary dimension written as a fixed number so a bundle
without model.json still tells its vocabulary size.

Command line (run with Debian's /usr/bin/python3 and OPENBLAS_CORETYPE=SkylakeX):
  python3 -m kigo_recipe.export --checkpoint ckpt.pt --tokenizer tokenizer.json --out model-assets/kigo-haiku
  python3 -m kigo_recipe.export --parts /work/cache/gpu-run/parts --weights fp16 --tokenizer tokenizer.json \
      --out model-assets/kigo-haiku
  python3 -m kigo_recipe.export --random-gpt2-124m --tokenizer ../shared/data/gpt2-tokenizer/tokenizer.json \
      --out /work/cache/gpt2-124m-random
  python3 -m kigo_recipe.export --checksums-only model-assets/kigo-haiku

model.json's "files" records the size and SHA-256 of model.onnx, tokenizer.json and any external data file; Kigo
refuses a bundle whose files differ. --checksums-only records them for a bundle that already exists (run it only on
files known to be good: it blesses whatever is there).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import onnx
import onnx.numpy_helper
import torch
import torch.nn as nn

from .model import GPT2Config, GPT2LMHeadModel, load_checkpoint

OPSET = 14
LAYOUTS = ("optimum", "optimum-merged", "ort-combined")
PROMPT_FORMATS = ("keywords-to-haiku", "keywords-to-phonemes", "text-to-phonemes", "phonemes-to-text", "plain")

# Dummy sizes all distinct, so the tracer cannot mistake one dynamic dimension for another.
DUMMY_BATCH, DUMMY_SEQ, DUMMY_PAST = 2, 3, 5


class _OptimumWithPast(nn.Module):
    def __init__(self, model: GPT2LMHeadModel, position_ids: bool, use_past: bool = True):
        super().__init__()
        self.model = model
        self.position_ids = position_ids
        self.use_past = use_past

    def forward(self, input_ids, attention_mask, *rest):
        rest = list(rest)
        position_ids = rest.pop(0) if self.position_ids else None
        past = None
        if self.use_past:
            past = [(rest[2 * i], rest[2 * i + 1]) for i in range(self.model.config.n_layer)]
        logits, presents = self.model(input_ids, attention_mask, position_ids, past)
        return (logits,) + tuple(t for kv in presents for t in kv)


class _OrtCombinedPast(nn.Module):
    def __init__(self, model: GPT2LMHeadModel, position_ids: bool):
        super().__init__()
        self.model = model
        self.position_ids = position_ids

    def forward(self, input_ids, *rest):
        # convert_to_onnx exports often take int32 ids and an int32 or float32 mask: the graph casts them.
        rest = list(rest)
        input_ids = input_ids.long()
        position_ids = rest.pop(0).long() if self.position_ids else None
        attention_mask = rest.pop(0).long()
        past = [(p[0], p[1]) for p in rest]
        logits, presents = self.model(input_ids, attention_mask, position_ids, past)
        return (logits,) + tuple(torch.stack(kv) for kv in presents)


def _optimum_names(n_layer: int, position_ids: bool, use_past: bool = True):
    inputs = ["input_ids", "attention_mask"] + (["position_ids"] if position_ids else [])
    if use_past:
        inputs += [f"past_key_values.{i}.{kv}" for i in range(n_layer) for kv in ("key", "value")]
    outputs = ["logits"] + [f"present.{i}.{kv}" for i in range(n_layer) for kv in ("key", "value")]
    axes = {"input_ids": {0: "batch_size", 1: "sequence_length"},
            "attention_mask": {0: "batch_size", 1: "past_sequence_length + sequence_length"},
            "logits": {0: "batch_size", 1: "sequence_length"}}
    if position_ids:
        axes["position_ids"] = {0: "batch_size", 1: "sequence_length"}
    for name in inputs[3 if position_ids else 2:]:
        axes[name] = {0: "batch_size", 2: "past_sequence_length"}
    for name in outputs[1:]:
        axes[name] = {0: "batch_size", 2: "past_sequence_length + sequence_length"}
    return inputs, outputs, axes


def _dummy(cfg: GPT2Config, past_len: int):
    ids = torch.randint(0, cfg.vocab_size, (DUMMY_BATCH, DUMMY_SEQ))
    mask = torch.ones(DUMMY_BATCH, past_len + DUMMY_SEQ, dtype=torch.long)
    mask[1, 0] = 0  # a left-padded row keeps the padding path in the graph
    pos = (torch.cumsum(mask, dim=1) - 1).clamp(min=0)[:, past_len:]
    past = torch.randn(DUMMY_BATCH, cfg.n_head, past_len, cfg.head_dim)
    return ids, mask, pos, past


def _export(module, args, path, inputs, outputs, axes):
    with torch.no_grad():
        torch.onnx.export(module, args, str(path), input_names=inputs, output_names=outputs, dynamic_axes=axes,
                          opset_version=OPSET, do_constant_folding=True)


def _export_optimum(model, path, position_ids: bool, use_past: bool = True):
    cfg = model.config
    ids, mask, pos, past = _dummy(cfg, DUMMY_PAST if use_past else 0)
    args = [ids, mask] + ([pos] if position_ids else [])
    if use_past:
        args += [past.clone() for _ in range(2 * cfg.n_layer)]
    inputs, outputs, axes = _optimum_names(cfg.n_layer, position_ids, use_past)
    _export(_OptimumWithPast(model, position_ids, use_past), tuple(args), path, inputs, outputs, axes)


def _export_ort_combined(model, path, position_ids: bool, id_dtype=torch.int64, mask_dtype=torch.int64):
    cfg = model.config
    ids, mask, pos, _ = _dummy(cfg, DUMMY_PAST)
    ids, pos, mask = ids.to(id_dtype), pos.to(id_dtype), mask.to(mask_dtype)
    pasts = [torch.randn(2, DUMMY_BATCH, cfg.n_head, DUMMY_PAST, cfg.head_dim) for _ in range(cfg.n_layer)]
    inputs = ["input_ids"] + (["position_ids"] if position_ids else []) + ["attention_mask"]
    inputs += [f"past_{i}" for i in range(cfg.n_layer)]
    outputs = ["logits"] + [f"present_{i}" for i in range(cfg.n_layer)]
    axes = {"input_ids": {0: "batch_size", 1: "seq_len"}, "attention_mask": {0: "batch_size", 1: "total_seq_len"},
            "logits": {0: "batch_size", 1: "seq_len"}}
    if position_ids:
        axes["position_ids"] = {0: "batch_size", 1: "seq_len"}
    for i in range(cfg.n_layer):
        axes[f"past_{i}"] = {1: "batch_size", 3: "past_seq_len"}
        axes[f"present_{i}"] = {1: "batch_size", 3: "total_seq_len"}
    args = [ids] + ([pos] if position_ids else []) + [mask] + pasts
    _export(_OrtCombinedPast(model, position_ids), tuple(args), path, inputs, outputs, axes)


def _fix_vocab_dim(model_proto: onnx.ModelProto, vocab_size: int) -> None:
    """The lm_head reshape leaves the vocabulary dimension unnamed; write the number so readers can see it."""
    for out in model_proto.graph.output:
        if out.name == "logits":
            dim = out.type.tensor_type.shape.dim[2]
            dim.ClearField("dim_param")
            dim.dim_value = vocab_size


def _rename_branch(graph: onnx.GraphProto, prefix: str, outer_names: set, initializer_names: dict) -> onnx.GraphProto:
    """Turns an exported graph into an If branch: no inputs of its own, outer inputs and shared weights by name."""

    def rename(name: str) -> str:
        if not name or name in outer_names:
            return name
        if name in initializer_names:
            return initializer_names[name]
        return prefix + name

    branch = onnx.GraphProto(name=prefix.strip("/"))
    for node in graph.node:
        copy = onnx.NodeProto()
        copy.CopyFrom(node)
        copy.name = prefix + node.name
        copy.ClearField("input")
        copy.ClearField("output")
        copy.input.extend(rename(n) for n in node.input)
        copy.output.extend(rename(n) for n in node.output)
        branch.node.append(copy)
    for out in graph.output:
        copy = onnx.ValueInfoProto()
        copy.CopyFrom(out)
        copy.name = rename(out.name)
        branch.output.append(copy)
    return branch


def _merge_decoders(no_past: onnx.ModelProto, with_past: onnx.ModelProto) -> onnx.ModelProto:
    """Builds Optimum's merged decoder: one If on use_cache_branch, weights stored once in the outer graph."""
    outer_inputs = list(with_past.graph.input)
    outer_names = {i.name for i in outer_inputs}
    shared: dict[str, onnx.TensorProto] = {}
    by_content: dict[str, str] = {}

    def hoist(graph: onnx.GraphProto, prefix: str) -> dict:
        mapping = {}
        for init in graph.initializer:
            data = onnx.numpy_helper.to_array(init)
            key = hashlib.sha256(data.tobytes()).hexdigest() + str(data.dtype) + str(data.shape)
            if key not in by_content:
                tensor = onnx.TensorProto()
                tensor.CopyFrom(init)
                tensor.name = prefix + init.name
                shared[tensor.name] = tensor
                by_content[key] = tensor.name
            mapping[init.name] = by_content[key]
        return mapping

    with_map = hoist(with_past.graph, "with_past/")
    without_map = hoist(no_past.graph, "no_past/")
    then_branch = _rename_branch(with_past.graph, "with_past/", outer_names, with_map)
    else_branch = _rename_branch(no_past.graph, "no_past/", outer_names, without_map)

    use_cache = onnx.helper.make_tensor_value_info("use_cache_branch", onnx.TensorProto.BOOL, [1])
    outputs = [o.name for o in with_past.graph.output]
    if_node = onnx.helper.make_node("If", ["use_cache_branch"], outputs, name="optimum::if",
                                    then_branch=then_branch, else_branch=else_branch)
    graph = onnx.helper.make_graph([if_node], "merged_decoder", outer_inputs + [use_cache],
                                   list(with_past.graph.output), initializer=list(shared.values()))
    merged = onnx.helper.make_model(graph, opset_imports=with_past.opset_import)
    merged.ir_version = with_past.ir_version
    return merged


WEIGHTS = ("fp32", "fp16")
# Smaller initializers (scalars the tracer wrote, shapes, the attention scale) stay fp32: nothing to gain.
FP16_MIN_ELEMENTS = 1024


def store_fp16(proto: onnx.ModelProto) -> dict:
    """Stores every large fp32 initializer at half precision with a Cast back to fp32 in front of its users.

    ONNX Runtime's CPU provider folds a Cast of an initializer at session load (constant folding, on at every
    optimisation level Kigo uses), so the session computes in fp32 exactly as the fp32 export does. For weights that
    are fp16 values already (a model trained or handed back at half precision) nothing is lost; for any other
    weight the rounding error is measured and returned, so the caller can refuse a lossy conversion.
    """
    import numpy as np
    graph = proto.graph
    casts, kept, worst = [], [], 0.0
    before = after = 0
    for init in graph.initializer:
        if init.data_type != onnx.TensorProto.FLOAT:
            kept.append(init)
            continue
        data = onnx.numpy_helper.to_array(init)
        before += data.nbytes
        if data.size < FP16_MIN_ELEMENTS:
            kept.append(init)
            after += data.nbytes
            continue
        half = data.astype(np.float16)
        if not np.all(np.isfinite(half)):
            raise ValueError(f"{init.name} does not fit in fp16 (largest magnitude {np.abs(data).max():g})")
        worst = max(worst, float(np.abs(half.astype(np.float32) - data).max()))
        stored = onnx.numpy_helper.from_array(half, init.name + "_fp16")
        kept.append(stored)
        after += half.nbytes
        casts.append(onnx.helper.make_node("Cast", [stored.name], [init.name], name=init.name + "_to_fp32",
                                           to=onnx.TensorProto.FLOAT))
    graph.ClearField("initializer")
    graph.initializer.extend(kept)
    nodes = casts + list(graph.node)
    graph.ClearField("node")
    graph.node.extend(nodes)
    return {"cast": len(casts), "fp32_bytes": before, "stored_bytes": after, "largest_rounding": worst}


INPUT_DTYPES = {"int64": torch.int64, "int32": torch.int32, "float32": torch.float32}


def export_onnx(model: GPT2LMHeadModel, path: Path, layout: str = "optimum", position_ids: bool = True,
                id_dtype: str = "int64", mask_dtype: str = "int64", weights: str = "fp32") -> dict:
    """Writes model.onnx in the given layout. id_dtype/mask_dtype vary the ort-combined layout's input types
    (int32 ids, int32 or float32 masks), as ONNX Runtime's convert_to_onnx writes them. weights="fp16" stores the
    large weights at half precision (see store_fp16) and returns its report."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {LAYOUTS}")
    if weights not in WEIGHTS:
        raise ValueError(f"unknown weights {weights!r}; choose one of {WEIGHTS}")
    model.eval()
    path = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        if layout == "optimum":
            _export_optimum(model, path, position_ids)
            proto = onnx.load(str(path))
        elif layout == "ort-combined":
            _export_ort_combined(model, path, position_ids, INPUT_DTYPES[id_dtype], INPUT_DTYPES[mask_dtype])
            proto = onnx.load(str(path))
        else:
            with_past_path, no_past_path = Path(tmp, "with_past.onnx"), Path(tmp, "no_past.onnx")
            _export_optimum(model, with_past_path, position_ids, use_past=True)
            _export_optimum(model, no_past_path, position_ids, use_past=False)
            proto = _merge_decoders(onnx.load(str(no_past_path)), onnx.load(str(with_past_path)))
    _fix_vocab_dim(proto, model.config.vocab_size)
    report = store_fp16(proto) if weights == "fp16" else {}
    onnx.checker.check_model(proto)
    onnx.save(proto, str(path))
    return report


def manifest(model: GPT2LMHeadModel, layout: str, position_ids: bool, name: str, eot_id: int,
             licence: str, provenance: str, prompt_formats=PROMPT_FORMATS, weights: str = "fp32") -> dict:
    cfg = model.config
    return {
        "name": name,
        "family": "gpt2",
        "layers": cfg.n_layer,
        "heads": cfg.n_head,
        "width": cfg.n_embd,
        "vocabSize": cfg.vocab_size,
        "contextLength": cfg.n_positions,
        "eotId": eot_id,
        "onnx": {"layout": layout, "positionIds": position_ids, "opset": OPSET, "weights": weights},
        "promptFormats": list(prompt_formats),
        "licence": licence,
        "provenance": provenance,
    }


def export_bundle(model: GPT2LMHeadModel, out_dir, tokenizer_json, name: str, eot_id: int,
                  layout: str = "optimum", position_ids: bool = True, licence: str = "",
                  provenance: str = "", prompt_formats=PROMPT_FORMATS, id_dtype: str = "int64",
                  mask_dtype: str = "int64", weights: str = "fp32", max_rounding: float = 0.0,
                  training_lines: Path | None = None) -> Path:
    """Writes a complete bundle folder: model.onnx, tokenizer.json (copied), model.json. With weights="fp16", a
    weight that fp16 would change by more than max_rounding stops the export (0: only exact conversions)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = export_onnx(model, out / "model.onnx", layout, position_ids, id_dtype, mask_dtype, weights)
    if report and report["largest_rounding"] > max_rounding:
        (out / "model.onnx").unlink()
        raise SystemExit(f"fp16 would change a weight by {report['largest_rounding']:g} (allowed {max_rounding:g}): "
                         "these weights are not fp16 values; export at fp32 or pass --max-rounding")
    if Path(tokenizer_json).resolve() != (out / "tokenizer.json").resolve():
        shutil.copyfile(tokenizer_json, out / "tokenizer.json")
    meta = manifest(model, layout, position_ids, name, eot_id, licence, provenance, prompt_formats, weights)
    if training_lines:
        from .training_lines import FILE, write
        lines = Path(training_lines).read_text(encoding="utf-8").splitlines()
        meta["trainingLines"] = {"file": FILE, "count": write(lines, out / FILE)}
    (out / "model.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    record_files(out)
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_files(bundle) -> dict:
    """Records in model.json the size and SHA-256 of the graph, the tokenizer and the graph's external data files,
    as they are on disk now (so call it after they are written). Returns the "files" entry."""
    bundle = Path(bundle)
    graph = bundle / "model.onnx"
    if not graph.is_file() and (bundle / "decoder_model_merged.onnx").is_file():
        graph = bundle / "decoder_model_merged.onnx"
    names = [graph.name, "tokenizer.json"]
    proto = onnx.load(str(graph), load_external_data=False)
    for tensor in onnx.external_data_helper._get_all_tensors(proto):
        if onnx.external_data_helper.uses_external_data(tensor):
            location = next(e.value for e in tensor.external_data if e.key == "location")
            if location not in names:
                names.append(location)
    files = {}
    for name in names:
        path = bundle / name
        if not path.is_file():
            raise SystemExit(f"{path} is missing: cannot record its checksum")
        files[name] = {"sha256": _sha256(path), "bytes": path.stat().st_size}
    manifest_path = bundle / "model.json"
    meta = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    meta["files"] = files
    manifest_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return files


def random_gpt2_124m(seed: int = 0) -> GPT2LMHeadModel:
    """GPT-2 small's shape (12 layers, width 768, 12 heads, context 1024) with random weights, for benchmarks."""
    torch.manual_seed(seed)
    return GPT2LMHeadModel(GPT2Config(n_layer=12, n_embd=768, n_head=12, n_positions=1024))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--checkpoint", help="a checkpoint written by kigo_recipe.model.save_checkpoint")
    source.add_argument("--parts", help="a folder of packed fp16 weights (weights.part*, meta.json; kigo_recipe.parts)")
    source.add_argument("--random-gpt2-124m", action="store_true", help="GPT-2 124M shape, random weights")
    source.add_argument("--checksums-only", metavar="DIR",
                        help="only record the sizes and SHA-256s of an existing bundle's files in its model.json")
    parser.add_argument("--tokenizer", help="tokenizer.json to ship with the model")
    parser.add_argument("--out", help="bundle folder to write")
    parser.add_argument("--layout", default="optimum", choices=LAYOUTS)
    parser.add_argument("--no-position-ids", action="store_true")
    parser.add_argument("--name", default=None)
    parser.add_argument("--eot-id", type=int, default=50256)
    parser.add_argument("--licence", default="")
    parser.add_argument("--provenance", default="")
    parser.add_argument("--weights", default="fp32", choices=WEIGHTS,
                        help="stored precision of the large weights (fp16: half the file, computed in fp32)")
    parser.add_argument("--training-lines", type=Path, default=None,
                        help="the corpus's train_lines.txt: ship a hash set of them (training-lines.fnv64)")
    parser.add_argument("--max-rounding", type=float, default=0.0,
                        help="with --weights fp16: the largest change to a weight allowed (default 0, exact only)")
    args = parser.parse_args(argv)
    if args.checksums_only:
        files = record_files(args.checksums_only)
        print(f"recorded {', '.join(files)} in {Path(args.checksums_only) / 'model.json'}")
        return
    if not args.tokenizer or not args.out:
        parser.error("--tokenizer and --out are needed to export")
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    if args.random_gpt2_124m:
        model = random_gpt2_124m()
        name = args.name or "gpt2-124m-random"
        provenance = args.provenance or "Random weights in GPT-2 124M's shape, made by kigo_recipe.export for benchmarks."
        prompt_formats = ("plain",)
    elif args.parts:
        from .parts import read_parts
        model, _ = read_parts(Path(args.parts))
        name = args.name or Path(args.out).name
        provenance = args.provenance or f"Exported by kigo_recipe.export from the packed weights in {Path(args.parts).name}."
        prompt_formats = PROMPT_FORMATS
    else:
        model, _ = load_checkpoint(args.checkpoint)
        name = args.name or Path(args.out).name
        provenance = args.provenance or f"Exported by kigo_recipe.export from {Path(args.checkpoint).name}."
        prompt_formats = PROMPT_FORMATS
    out = export_bundle(model, args.out, args.tokenizer, name, args.eot_id, args.layout, not args.no_position_ids,
                        args.licence, provenance, prompt_formats, weights=args.weights, max_rounding=args.max_rounding,
                        training_lines=args.training_lines)
    print(f"wrote {out} ({(out / 'model.onnx').stat().st_size / 1e6:.1f} MB model.onnx)")


if __name__ == "__main__":
    main()
