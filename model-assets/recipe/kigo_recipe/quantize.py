"""Writes a quantized variant of an exported bundle: its weight matrices at 8 or 4 bits, in operators ONNX Runtime's
CPU provider runs without widening the weights back to fp32.

  /usr/bin/python3 -m kigo_recipe.quantize --bundle model-assets/kigo-haiku --precision int8
  /usr/bin/python3 -m kigo_recipe.quantize --bundle model-assets/kigo-haiku --precision int4 --block-size 32

The variant is a complete bundle in a sub-folder named for its precision (<bundle>/int8, <bundle>/int4): model.onnx,
a copy of tokenizer.json and training-lines.fnv64, and model.json with "onnx.weights" set to the precision,
"onnx.quantization" saying how, and the files' sizes and SHA-256s. Kigo lists a folder's variants and loads one
like any bundle (`--precision int8`), so nothing else about a bundle changes.

Schemes (`--scheme`):
  nbits    com.microsoft MatMulNBits: weights in blocks of --block-size along the input dimension, each block with
           its own fp32 scale and zero point (asymmetric, so a block whose values lean one way keeps its range).
           Bits 8 or 4. The kernel keeps the packed weights and, at --accuracy-level 4, multiplies in int8 (the
           activations are quantized per block on the fly).
  dynamic  com.microsoft DynamicQuantizeMatMul: int8 weights with one symmetric scale per output channel, the
           activations quantized to uint8 per call. 8 bits only.

Every Gemm / MatMul whose weight is an initializer (fp32, or fp16 behind a Cast as `export --weights fp16` writes
them) is rewritten. The tied output projection (the Gemm over the token embedding, 50,257 rows in GPT-2) is the
largest matrix of a small model; --output-layer keep leaves it at the bundle's own precision. When it is quantized,
the embedding lookup (Gather) reads the same packed table through com.microsoft GatherBlockQuantized, so the table
is stored once, at the variant's precision (--lookup source keeps a second copy at the source's precision for it).

The output is a pure function of the input files and the options: the same bundle gives the same bytes.
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import onnx
import onnx.numpy_helper
from onnx import TensorProto, helper

from .export import record_files

MS_DOMAIN = "com.microsoft"
PRECISIONS = {"int8": 8, "int4": 4}
SCHEMES = ("nbits", "dynamic")
# Files of a bundle the variant shares with it unchanged.
SHARED_FILES = ("tokenizer.json", "training-lines.fnv64")


def _weights(graph: onnx.GraphProto) -> tuple[dict, dict]:
    """Initializers by name, and for each Cast of an initializer (fp16 storage) its output name -> initializer."""
    inits = {i.name: i for i in graph.initializer}
    casts = {}
    for node in graph.node:
        if node.op_type == "Cast" and node.input[0] in inits:
            casts[node.output[0]] = (node, inits[node.input[0]])
    return inits, casts


def _weight_matrix(name: str, inits: dict, casts: dict):
    """The fp32 values behind a node input, or None when it is not a stored weight."""
    if name in casts:
        return onnx.numpy_helper.to_array(casts[name][1]).astype(np.float32)
    if name in inits and inits[name].data_type in (TensorProto.FLOAT, TensorProto.FLOAT16):
        return onnx.numpy_helper.to_array(inits[name]).astype(np.float32)
    return None


def _attr(node: onnx.NodeProto, name: str, default):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def quantize_blocks(w_nk: np.ndarray, bits: int, block_size: int):
    """Asymmetric per-block quantization of a [N, K] matrix along K, as MatMulNBits reads it.

    Returns (packed [N, blocks, block_size * bits / 8] uint8, scales [N * blocks] fp32, zero points uint8: one byte
    per block at 8 bits, two blocks per byte at 4 bits (low nibble first)), and the dequantized [N, K] matrix.
    """
    n, k = w_nk.shape
    blocks = -(-k // block_size)
    padded = np.zeros((n, blocks * block_size), dtype=np.float32)
    padded[:, :k] = w_nk
    grouped = padded.reshape(n, blocks, block_size)
    top = (1 << bits) - 1
    # The range always holds 0, so padding (and exact zeros) quantize exactly.
    low = np.minimum(grouped.min(axis=2), 0.0)
    high = np.maximum(grouped.max(axis=2), 0.0)
    scale = ((high - low) / top).astype(np.float32)
    scale[scale == 0] = 1.0
    zero = np.clip(np.rint(-low / scale), 0, top).astype(np.uint8)
    q = np.clip(np.rint(grouped / scale[:, :, None]) + zero[:, :, None], 0, top).astype(np.uint8)
    dequantized = ((q.astype(np.float32) - zero[:, :, None]) * scale[:, :, None]).reshape(n, -1)[:, :k]
    if bits == 4:
        packed = (q[:, :, 0::2] | (q[:, :, 1::2] << 4)).astype(np.uint8)
        if blocks % 2:
            zero = np.concatenate([zero, np.zeros((n, 1), dtype=np.uint8)], axis=1)
        zero = (zero[:, 0::2] | (zero[:, 1::2] << 4)).astype(np.uint8)
    else:
        packed = q
    return packed, scale.reshape(-1), zero.reshape(-1), dequantized


def quantize_columns(w_kn: np.ndarray):
    """Symmetric int8 with one scale per output column of a [K, N] matrix (DynamicQuantizeMatMul's weights)."""
    scale = (np.abs(w_kn).max(axis=0) / 127.0).astype(np.float32)
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(w_kn / scale), -127, 127).astype(np.int8)
    return q, scale, q.astype(np.float32) * scale


class _Rewrite:
    def __init__(self, graph, bits: int, scheme: str, block_size: int, accuracy_level: int, output_layer: bool,
                 lookup: bool):
        self.graph = graph
        self.bits, self.scheme, self.block_size = bits, scheme, block_size
        self.accuracy_level, self.output_layer, self.lookup = accuracy_level, output_layer, lookup
        self.inits, self.casts = _weights(graph)
        self.new_inits: list = []
        self.rewritten = 0
        self.skipped: list = []
        self.largest_error = 0.0
        gathered = {n.input[0] for n in graph.node if n.op_type == "Gather"}
        self.embedding = {name for name in gathered if name in self.inits or name in self.casts}
        self.tied: dict = {}

    def weight_of(self, node):
        """(fp32 [K, N] weight, bias name or "") when the node is a weight multiplication this step rewrites."""
        if node.op_type == "MatMul":
            w = _weight_matrix(node.input[1], self.inits, self.casts)
            return (w, "") if w is not None and w.ndim == 2 else None
        if node.op_type != "Gemm" or _attr(node, "transA", 0) or _attr(node, "alpha", 1.0) != 1.0:
            return None
        w = _weight_matrix(node.input[1], self.inits, self.casts)
        if w is None or w.ndim != 2:
            return None
        if len(node.input) > 2 and node.input[2] and _attr(node, "beta", 1.0) != 1.0:
            return None
        bias = node.input[2] if len(node.input) > 2 else ""
        return (w.T if _attr(node, "transB", 0) else w), bias

    def node(self, node) -> list:
        found = self.weight_of(node)
        if found is None:
            return [node]
        if node.input[1] in self.embedding and not self.output_layer:
            self.skipped.append(node.name)
            return [node]
        w_kn, bias = found
        k, n = w_kn.shape
        base = node.name.strip("/").replace("/", "_") or node.output[0]
        product = node.output[0] + "_unbiased" if bias else node.output[0]
        if self.scheme == "nbits":
            if k % self.block_size:
                # A partial last block would need padding that the shared lookup table cannot carry; GPT-2's widths
                # (a multiple of 64) never have one.
                self.skipped.append(node.name)
                return [node]
            packed, scales, zeros, approx = quantize_blocks(np.ascontiguousarray(w_kn.T), self.bits, self.block_size)
            names = [base + "_q", base + "_scales", base + "_zero_points"]
            self.new_inits += [onnx.numpy_helper.from_array(packed, names[0]),
                               onnx.numpy_helper.from_array(scales, names[1]),
                               onnx.numpy_helper.from_array(zeros, names[2])]
            quantized = helper.make_node("MatMulNBits", [node.input[0]] + names, [product], name=base + "_nbits",
                                         domain=MS_DOMAIN, K=k, N=n, bits=self.bits, block_size=self.block_size,
                                         accuracy_level=self.accuracy_level)
            approx = approx.T
            if node.input[1] in self.embedding:
                self.tied[node.input[1]] = (names, n, k)
        else:
            q, scale, approx = quantize_columns(w_kn)
            names = [base + "_q", base + "_scale"]
            self.new_inits += [onnx.numpy_helper.from_array(q, names[0]),
                               onnx.numpy_helper.from_array(scale, names[1])]
            quantized = helper.make_node("DynamicQuantizeMatMul", [node.input[0]] + names, [product],
                                         name=base + "_dynamic", domain=MS_DOMAIN)
        self.largest_error = max(self.largest_error, float(np.abs(approx - w_kn).max()))
        self.rewritten += 1
        if not bias:
            return [quantized]
        return [quantized, helper.make_node("Add", [product, bias], [node.output[0]], name=base + "_bias")]

    def gather(self, node) -> list:
        """The embedding lookup reads the output layer's packed weights (GatherBlockQuantized), so the table is
        stored once, quantized, instead of a second time at the source's precision."""
        if not self.lookup or node.op_type != "Gather" or node.input[0] not in self.tied or _attr(node, "axis", 0):
            return [node]
        (packed, scales, zeros), n, k = self.tied[node.input[0]]
        blocks = k // self.block_size
        shapes = {packed: [n, k * self.bits // 8], scales: [n, blocks],
                  zeros: [n, -(-blocks * self.bits // 8)]}
        nodes, inputs = [], []
        for name, shape in shapes.items():
            self.new_inits.append(onnx.numpy_helper.from_array(np.array(shape, dtype=np.int64), name + "_lookup_shape"))
            nodes.append(helper.make_node("Reshape", [name, name + "_lookup_shape"], [name + "_lookup"],
                                          name=name + "_lookup_reshape"))
            inputs.append(name + "_lookup")
        nodes.append(helper.make_node("GatherBlockQuantized", [inputs[0], node.input[1], inputs[1], inputs[2]],
                                      list(node.output), name=node.name.strip("/").replace("/", "_") + "_quantized",
                                      domain=MS_DOMAIN, gather_axis=0, quantize_axis=1, block_size=self.block_size,
                                      bits=self.bits))
        return nodes

    def run(self) -> None:
        nodes = [new for node in self.graph.node for new in self.node(node)]
        nodes = [new for node in nodes for new in self.gather(node)]
        used = {name for node in nodes for name in node.input}
        # A Cast whose weight is no longer read goes, and so does the stored weight behind it.
        nodes = [n for n in nodes if not (n.op_type == "Cast" and n.output[0] in self.casts
                                          and n.output[0] not in used)]
        used = {name for node in nodes for name in node.input} | {o.name for o in self.graph.output}
        kept = [i for i in self.graph.initializer if i.name in used] + self.new_inits
        self.graph.ClearField("node")
        self.graph.node.extend(nodes)
        self.graph.ClearField("initializer")
        self.graph.initializer.extend(kept)


def quantize_model(proto: onnx.ModelProto, bits: int, scheme: str = "nbits", block_size: int = 32,
                   accuracy_level: int = 4, output_layer: bool = True, lookup: bool = True) -> dict:
    """Rewrites the weight multiplications of the model's main graph in place; returns what it did."""
    if scheme == "dynamic" and bits != 8:
        raise ValueError("DynamicQuantizeMatMul stores 8-bit weights only; use --scheme nbits for 4 bits")
    if block_size < 16 or block_size & (block_size - 1):
        raise ValueError(f"block size {block_size} is not a power of two of at least 16 (MatMulNBits needs one)")
    if any(n.op_type == "If" for n in proto.graph.node):
        raise ValueError("the graph is a merged decoder (an If over two branches); quantize an 'optimum' export")
    rewrite = _Rewrite(proto.graph, bits, scheme, block_size, accuracy_level, output_layer, lookup)
    rewrite.run()
    if not rewrite.rewritten:
        raise ValueError("the graph has no weight multiplication to quantize")
    if not any(o.domain == MS_DOMAIN for o in proto.opset_import):
        proto.opset_import.append(helper.make_opsetid(MS_DOMAIN, 1))
    return {"rewritten": rewrite.rewritten, "kept": rewrite.skipped, "largest_weight_error": rewrite.largest_error,
            "lookup": lookup and bool(rewrite.tied)}


def describe(bits: int, scheme: str, block_size: int, accuracy_level: int, output_layer: bool, lookup: bool,
             source: str) -> dict:
    """model.json's "onnx.quantization": how the variant's weights were made, for people and for `kigo info`."""
    if scheme == "nbits":
        operator = (f"MatMulNBits, {bits}-bit, blocks of {block_size} with a scale and zero point each"
                    + (", int8 arithmetic" if accuracy_level == 4 else ""))
    else:
        operator = "DynamicQuantizeMatMul, int8 with one scale per output channel"
    return {"operator": "MatMulNBits" if scheme == "nbits" else "DynamicQuantizeMatMul", "bits": bits,
            "blockSize": block_size if scheme == "nbits" else None, "accuracyLevel": accuracy_level
            if scheme == "nbits" else None, "outputLayer": f"int{bits}" if output_layer else source,
            "embeddingLookup": f"int{bits}" if lookup else source, "source": source,
            "summary": operator + ("" if output_layer else f"; output layer kept at {source}")
            + ("; the embedding lookup reads the same table" if lookup else f"; embedding table kept at {source}")}


def quantize_bundle(bundle, precision: str, out=None, scheme: str = "nbits", block_size: int = 32,
                    accuracy_level: int = 4, output_layer: bool = True, lookup: bool = True) -> Path:
    bundle = Path(bundle)
    if precision not in PRECISIONS:
        raise SystemExit(f"unknown precision {precision!r}; choose one of {', '.join(PRECISIONS)}")
    out = Path(out) if out else bundle / precision
    meta = json.loads((bundle / "model.json").read_text(encoding="utf-8"))
    source = (meta.get("onnx") or {}).get("weights") or "fp32"
    if source in PRECISIONS:
        raise SystemExit(f"{bundle} is already {source}: quantize the fp32 or fp16 bundle it came from")
    proto = onnx.load(str(bundle / "model.onnx"))
    try:
        report = quantize_model(proto, PRECISIONS[precision], scheme, block_size, accuracy_level, output_layer,
                                lookup)
    except ValueError as e:
        raise SystemExit(f"{bundle / 'model.onnx'}: {e}")
    onnx.checker.check_model(proto)
    out.mkdir(parents=True, exist_ok=True)
    onnx.save(proto, str(out / "model.onnx"))
    for name in SHARED_FILES:
        if (bundle / name).is_file():
            shutil.copyfile(bundle / name, out / name)
    meta["name"] = f"{meta.get('name') or bundle.name}-{precision}"
    meta["onnx"] = dict(meta.get("onnx") or {}, weights=precision,
                        quantization=describe(PRECISIONS[precision], scheme, block_size, accuracy_level,
                                              output_layer, report["lookup"], source))
    meta["provenance"] = (meta.get("provenance", "") + f" Quantized to {precision} by kigo_recipe.quantize"
                          f" ({meta['onnx']['quantization']['summary']}).").strip()
    meta.pop("files", None)
    (out / "model.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    record_files(out)
    print(f"wrote {out}: {report['rewritten']} matrices at {precision}"
          + (f", kept {len(report['kept'])}" if report["kept"] else "")
          + f", largest weight change {report['largest_weight_error']:.3g},"
          f" model.onnx {(out / 'model.onnx').stat().st_size / 1e6:.1f} MB")
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", required=True, help="an exported bundle folder (model.onnx, model.json, ...)")
    parser.add_argument("--precision", required=True, choices=tuple(PRECISIONS))
    parser.add_argument("--out", help="where to write the variant (default: <bundle>/<precision>)")
    parser.add_argument("--scheme", default="nbits", choices=SCHEMES)
    parser.add_argument("--block-size", type=int, default=32, help="nbits: weights per scale (default 32)")
    parser.add_argument("--accuracy-level", type=int, default=4, choices=(0, 1, 2, 3, 4),
                        help="nbits: 4 multiplies in int8 (fast), 0 widens to fp32 first")
    parser.add_argument("--output-layer", default="quantize", choices=("quantize", "keep"),
                        help="the tied output projection: quantize it too (default) or keep the source's precision")
    parser.add_argument("--lookup", default="quantized", choices=("quantized", "source"),
                        help="the embedding lookup: read the output layer's quantized table (default;"
                             " GatherBlockQuantized, nbits with the output layer quantized) or keep the source's")
    args = parser.parse_args(argv)
    quantize_bundle(args.bundle, args.precision, args.out, args.scheme, args.block_size, args.accuracy_level,
                    args.output_layer == "quantize", args.lookup == "quantized")


if __name__ == "__main__":
    main()
