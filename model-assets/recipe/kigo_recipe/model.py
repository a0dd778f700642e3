"""A GPT-2 in plain torch with HuggingFace's parameter names.

The state dict keys match `transformers.GPT2LMHeadModel` (transformer.wte.weight, transformer.h.0.attn.c_attn.weight,
..., Conv1D weights stored [in, out]), so a real GPT-2 checkpoint loads into this code with `load_hf_state_dict`
and exports through the same path as the shipped model.
"""
from __future__ import annotations

import dataclasses
import json
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

EOT_ID = 50256
GPT2_VOCAB = 50257


@dataclasses.dataclass
class GPT2Config:
    n_layer: int = 6
    n_embd: int = 256
    n_head: int = 8
    vocab_size: int = GPT2_VOCAB
    n_positions: int = 256
    layer_norm_epsilon: float = 1e-5

    @property
    def head_dim(self) -> int:
        return self.n_embd // self.n_head

    def to_json(self) -> dict:
        return dataclasses.asdict(self)

    @staticmethod
    def from_json(d: dict) -> "GPT2Config":
        fields = {f.name for f in dataclasses.fields(GPT2Config)}
        return GPT2Config(**{k: v for k, v in d.items() if k in fields})


class Conv1D(nn.Module):
    """HuggingFace's GPT-2 linear layer: weight is [in, out]."""

    def __init__(self, n_in: int, n_out: int):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))
        nn.init.normal_(self.weight, std=0.02)

    def forward(self, x):
        return torch.addmm(self.bias, x.reshape(-1, x.shape[-1]), self.weight).reshape(*x.shape[:-1], -1)


class Attention(nn.Module):
    def __init__(self, cfg: GPT2Config):
        super().__init__()
        # Training-only settings (train_gpu.py sets them); at 0 / False the module is exactly what the export traces.
        self.dropout = 0.0
        self.fused = False
        self.n_head = cfg.n_head
        self.head_dim = cfg.head_dim
        self.c_attn = Conv1D(cfg.n_embd, 3 * cfg.n_embd)
        self.c_proj = Conv1D(cfg.n_embd, cfg.n_embd)

    def forward(self, x, past_k, past_v, mask_bias):
        b, s, c = x.shape
        q, k, v = self.c_attn(x).split(c, dim=2)
        q = q.view(b, s, self.n_head, self.head_dim).transpose(1, 2)
        k = k.view(b, s, self.n_head, self.head_dim).transpose(1, 2)
        v = v.view(b, s, self.n_head, self.head_dim).transpose(1, 2)
        if past_k is not None:
            k = torch.cat([past_k, k], dim=2)
            v = torch.cat([past_v, v], dim=2)
        elif self.fused and mask_bias is None:
            # Training windows have no padding and no past: the fused kernel's own causal mask is the same mask.
            y = F.scaled_dot_product_attention(q, k, v, dropout_p=self.dropout if self.training else 0.0,
                                               is_causal=True)
            return _drop(self.c_proj(y.transpose(1, 2).reshape(b, s, c)), self.dropout, self.training), k, v
        att = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim))
        att = att + mask_bias
        att = _drop(torch.softmax(att, dim=-1), self.dropout, self.training)
        y = torch.matmul(att, v).transpose(1, 2).reshape(b, s, c)
        return _drop(self.c_proj(y), self.dropout, self.training), k, v


def _drop(x, p: float, training: bool):
    # Called only when it does something, so an exported (eval-mode) graph has no Dropout node at all.
    return F.dropout(x, p, True) if training and p > 0 else x


class MLP(nn.Module):
    def __init__(self, cfg: GPT2Config):
        super().__init__()
        self.dropout = 0.0
        self.c_fc = Conv1D(cfg.n_embd, 4 * cfg.n_embd)
        self.c_proj = Conv1D(4 * cfg.n_embd, cfg.n_embd)

    def forward(self, x):
        # GPT-2's tanh approximation ("gelu_new").
        return _drop(self.c_proj(F.gelu(self.c_fc(x), approximate="tanh")), self.dropout, self.training)


class Block(nn.Module):
    def __init__(self, cfg: GPT2Config):
        super().__init__()
        self.ln_1 = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        self.attn = Attention(cfg)
        self.ln_2 = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        self.mlp = MLP(cfg)

    def forward(self, x, past_k, past_v, mask_bias):
        a, k, v = self.attn(self.ln_1(x), past_k, past_v, mask_bias)
        x = x + a
        x = x + self.mlp(self.ln_2(x))
        return x, k, v


class Transformer(nn.Module):
    def __init__(self, cfg: GPT2Config):
        super().__init__()
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.wpe = nn.Embedding(cfg.n_positions, cfg.n_embd)
        self.h = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)])
        self.ln_f = nn.LayerNorm(cfg.n_embd, eps=cfg.layer_norm_epsilon)
        nn.init.normal_(self.wte.weight, std=0.02)
        nn.init.normal_(self.wpe.weight, std=0.01)


class GPT2LMHeadModel(nn.Module):
    """GPT-2 with a tied LM head and an optional constant logit bias (-100 on tokens never trained on)."""

    def __init__(self, cfg: GPT2Config):
        super().__init__()
        self.config = cfg
        self.transformer = Transformer(cfg)
        # Not a parameter: the exported graph adds it so tokens absent from the corpus are never sampled.
        self.register_buffer("logit_bias", torch.zeros(cfg.vocab_size), persistent=False)
        self.embedding_dropout = 0.0
        self.fused = False
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, std=0.02 / math.sqrt(2 * cfg.n_layer))

    def hidden(self, input_ids, attention_mask=None, position_ids=None, past=None):
        """Runs the transformer; returns final hidden states [B,S,C] and the new (key, value) per layer."""
        b, s = input_ids.shape
        past_len = 0 if past is None else past[0][0].shape[2]
        total = past_len + s
        attention_mask_given = attention_mask is not None
        if attention_mask is None:
            attention_mask = torch.ones(b, total, dtype=torch.long, device=input_ids.device)
        if position_ids is None:
            # cumsum(mask)-1 makes left padding work; pads get position 0.
            position_ids = (torch.cumsum(attention_mask, dim=1) - 1).clamp(min=0)[:, past_len:]
        x = self.transformer.wte(input_ids) + self.transformer.wpe(position_ids)
        x = _drop(x, self.embedding_dropout, self.training)
        presents = []
        if self.fused and past is None and attention_mask_given is False:
            for block in self.transformer.h:
                x, k, v = block(x, None, None, None)
                presents.append((k, v))
            return self.transformer.ln_f(x), presents
        # Causal mask from position ranges, so any past length works in the traced graph.
        key_pos = torch.arange(total, device=input_ids.device)
        query_pos = torch.arange(s, device=input_ids.device) + (total - s)
        causal = key_pos.unsqueeze(0) <= query_pos.unsqueeze(1)  # [S, T]
        allowed = causal.unsqueeze(0).unsqueeze(0) & (attention_mask[:, None, None, :] > 0)
        mask_bias = torch.where(allowed, torch.zeros((), dtype=x.dtype), torch.full((), -1e4, dtype=x.dtype))
        for i, block in enumerate(self.transformer.h):
            pk, pv = (None, None) if past is None else past[i]
            x, k, v = block(x, pk, pv, mask_bias)
            presents.append((k, v))
        return self.transformer.ln_f(x), presents

    def logits(self, hidden):
        b, s, c = hidden.shape
        # Written as one Gemm with a bias so the export shares wte instead of storing a transposed copy.
        out = F.linear(hidden.reshape(b * s, c), self.transformer.wte.weight, self.logit_bias)
        return out.reshape(b, s, -1)

    def forward(self, input_ids, attention_mask=None, position_ids=None, past=None):
        h, presents = self.hidden(input_ids, attention_mask, position_ids, past)
        return self.logits(h), presents

    def set_training_options(self, dropout: float, fused_attention: bool) -> None:
        """Dropout on embeddings, attention probabilities, attention output and MLP output; and torch's fused
        attention (scaled_dot_product_attention, torch 2) for windows without padding. Neither changes the export:
        it traces the model in eval mode, where dropout does nothing and the explicit attention path runs."""
        fused_attention = fused_attention and hasattr(F, "scaled_dot_product_attention")
        self.embedding_dropout, self.fused = dropout, fused_attention
        for block in self.transformer.h:
            block.attn.dropout, block.attn.fused, block.mlp.dropout = dropout, fused_attention, dropout

    def set_unused_token_bias(self, used_ids, bias: float = -100.0):
        """Gives every token not in `used_ids` a constant logit bias (not -1e4: float32 rounding breaks parity)."""
        lb = torch.full((self.config.vocab_size,), bias)
        lb[torch.as_tensor(sorted(used_ids), dtype=torch.long)] = 0.0
        self.logit_bias = lb

    def hf_state_dict(self):
        """State dict with HuggingFace's keys, including the tied lm_head.weight."""
        sd = {k: v for k, v in self.state_dict().items()}
        sd["lm_head.weight"] = sd["transformer.wte.weight"]
        return sd


def load_hf_state_dict(model: GPT2LMHeadModel, sd: dict) -> None:
    """Loads a HuggingFace GPT2LMHeadModel state dict (e.g. from pytorch_model.bin) into this model."""
    sd = {k: v for k, v in sd.items() if not k.endswith(".attn.bias") and not k.endswith(".attn.masked_bias")}
    sd.pop("lm_head.weight", None)
    missing, unexpected = model.load_state_dict(sd, strict=False)
    if missing or unexpected:
        raise ValueError(f"state dict does not fit: missing {missing}, unexpected {unexpected}")


def config_from_hf(hf_config: dict) -> GPT2Config:
    return GPT2Config(n_layer=hf_config["n_layer"], n_embd=hf_config["n_embd"], n_head=hf_config["n_head"],
                      vocab_size=hf_config.get("vocab_size", GPT2_VOCAB),
                      n_positions=hf_config.get("n_positions", 1024),
                      layer_norm_epsilon=hf_config.get("layer_norm_epsilon", 1e-5))


def save_checkpoint(path, model, optimizer=None, extra=None):
    payload = {"config": model.config.to_json(), "model": model.state_dict(),
               "logit_bias": model.logit_bias}
    if optimizer is not None:
        payload["optimizer"] = optimizer.state_dict()
    if extra:
        payload.update(extra)
    tmp = str(path) + ".tmp"
    torch.save(payload, tmp)
    import os
    os.replace(tmp, path)


def load_checkpoint(path):
    payload = torch.load(path, map_location="cpu")
    model = GPT2LMHeadModel(GPT2Config.from_json(payload["config"]))
    model.load_state_dict(payload["model"])
    if "logit_bias" in payload:
        model.logit_bias = payload["logit_bias"]
    return model, payload
