"""A query-time MiniLM encoder in plain numpy: no torch, no sentence-transformers.

Importing sentence-transformers costs ~6 s, which is most of a cold ``reportgraph search``. This
module runs the same BERT forward pass (embeddings, 6 encoder layers, mean pooling over the
attention mask, L2 normalisation) over the same ``model.safetensors`` and ``tokenizer.json``, so a
query embedded here lands at cosine ≥ 0.999 from the reference (tested). Windowing of long texts
is shared with the reference encoder (``embeddings.encoder.WindowedEncoder``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.encoder import (
    MODEL_NAME,
    MODEL_SHA256,
    WEIGHTS_FILE,
    ModelIntegrityError,
    WindowedEncoder,
    normalise,
)


def _erf(x: np.ndarray) -> np.ndarray:
    """erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, scipy costs an import."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU, x·Φ(x), not the tanh approximation
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class NumpyMiniLMEncoder(WindowedEncoder):
    """BERT-style sentence encoder (mean pooling, normalised) evaluated with numpy matmuls.

    ``blas_threads`` (default 1) limits numpy's BLAS threads for the whole process when the model
    loads: a query is a chain of small matmuls, and OpenBLAS's thread hand-off made them 3-60x
    slower on this shared 2-core machine (query p50 71 ms with 2 threads vs 21 ms with 1, under
    load). ``None`` leaves the BLAS setting alone.
    """

    kind = "numpy"

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        name: str = MODEL_NAME,
        expected_sha256: str | None = MODEL_SHA256,
        blas_threads: int | None = 1,
    ) -> None:
        super().__init__(model_dir, name, expected_sha256)
        self._blas_threads = blas_threads
        self._w: dict[str, np.ndarray] = {}
        self._layers = 0
        self._heads = 0
        self._eps = 1e-12

    def _load(self) -> None:
        config = json.loads((self.model_dir / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise ModelIntegrityError(
                f"{self.model_dir}: the numpy encoder runs BERT models with GELU only, "
                f"not {config.get('model_type')!r}/{config.get('hidden_act')!r}"
            )
        if config.get("position_embedding_type", "absolute") != "absolute":
            raise ModelIntegrityError(f"{self.model_dir}: only absolute position embeddings are supported")
        from safetensors.numpy import load_file

        if self._blas_threads is not None:
            from threadpoolctl import threadpool_limits

            threadpool_limits(limits=self._blas_threads, user_api="blas")

        raw = load_file(str(self.model_dir / WEIGHTS_FILE))
        self._layers = int(config["num_hidden_layers"])
        self._heads = int(config["num_attention_heads"])
        self._eps = float(config.get("layer_norm_eps", 1e-12))
        w: dict[str, np.ndarray] = {}
        for key, value in raw.items():
            key = key.removeprefix("bert.")
            if key.endswith(".weight") and value.ndim == 2 and not key.startswith("embeddings."):
                value = value.T  # stored (out, in); x @ W.T is the linear layer
            w[key] = np.ascontiguousarray(value, dtype=np.float32)
        for i in range(self._layers):
            # one (in, 3·hidden) matmul for query, key and value
            p = f"encoder.layer.{i}.attention.self."
            w[p + "qkv.weight"] = np.ascontiguousarray(
                np.concatenate([w[p + "query.weight"], w[p + "key.weight"], w[p + "value.weight"]], axis=1)
            )
            w[p + "qkv.bias"] = np.concatenate([w[p + "query.bias"], w[p + "key.bias"], w[p + "value.bias"]])
        self._w = w

    def _embed(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        length = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), length), dtype=np.int64)
        mask = np.zeros((len(texts), length), dtype=np.float32)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1.0
        hidden = self._forward(ids, mask)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        return normalise(pooled)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, eps = self._w, self._eps
        batch, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        hidden = x.shape[-1]
        heads, head_dim = self._heads, hidden // self._heads
        # padded keys get a large negative score, as in transformers' extended attention mask
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(head_dim))
        x = x.reshape(batch * length, hidden)  # linear layers as one 2-D BLAS matmul each
        for i in range(self._layers):
            p = f"encoder.layer.{i}."
            qkv = x @ w[p + "attention.self.qkv.weight"] + w[p + "attention.self.qkv.bias"]
            # contiguous (3, batch, heads, length, head_dim): numpy's batched matmul only uses BLAS
            # on contiguous operands, and was ~20x slower on the transposed views
            qkv = np.ascontiguousarray(qkv.reshape(batch, length, 3, heads, head_dim).transpose(2, 0, 3, 1, 4))
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2))) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
            attn = context @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"]
            x = _layer_norm(
                x + attn, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], eps
            )
            inner = _gelu(x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"])
            out = inner @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"]
            x = _layer_norm(x + out, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], eps)
        x = x.reshape(batch, length, hidden)
        return x

    def weights(self) -> dict[str, Any]:
        """Loaded weight arrays (for inspection in tests)."""
        self.load()
        return self._w
