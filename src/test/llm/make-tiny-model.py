#!/usr/bin/env python3
"""Writes the tiny chat model of the *RealServerIT tier: a GGUF file that llama.cpp's llama-server serves.

Llama architecture, a few dimensions and layers, random weights from a fixed seed (the same file every time), with
the Qwen2 vocabulary and chat template of the tokenizer-only GGUF that llama.cpp ships (models/ggml-vocab-qwen2.gguf).
Its answers mean nothing: the point is real server software on the wire (streaming, errors, limits, JSON schemas).

Random weights would emit byte-level tokens that do not form valid UTF-8, and the server answers 500 on those. So
the model has a bias: every token embedding carries a large constant in dimension 0, which survives the residual
stream and the final norm, and column 0 of the output layer turns it into a per-token bias. Word-like ASCII tokens
get none, the quote and the end tokens a positive one, and every other token a large negative one, which keeps it
out of any sampling. Answers usually run to max_tokens; a JSON schema's grammar still constrains every token.

Usage: PYTHONPATH=<llama.cpp>/gguf-py make-tiny-model.py --vocab ggml-vocab-qwen2.gguf --out tiny-chat.gguf
"""
import argparse
import re

import numpy as np
from gguf import GGUFReader, GGUFValueType, GGUFWriter

EMBED = 64
LAYERS = 2
HEADS = 4
FEED_FORWARD = 128
CONTEXT = 4096
SEED = 20261201
# Byte-level BPE writes a space as U+0120: tokens of ASCII letters, with or without a leading space, or punctuation.
PRINTABLE = re.compile(r"^\u0120?[A-Za-z]{1,12}$|^[.,!?;:]$")
END_TOKENS = ("<|im_end|>", "<|endoftext|>")
CARRIER = 8.0  # dimension 0 of every embedding: about 5.7 after the final norm
BIAS_QUOTE, BIAS_END, BIAS_OTHER = 22.0, 21.0, -30.0


def copy_tokenizer(reader, writer):
    """Copies every tokenizer.* field of the vocabulary file; returns the token strings."""
    tokens = None
    for name, field in reader.fields.items():
        if not name.startswith("tokenizer."):
            continue
        kind = field.types[0]
        if kind == GGUFValueType.ARRAY:
            sub = field.types[1]
            if sub == GGUFValueType.STRING:
                values = [bytes(field.parts[i]).decode("utf-8") for i in field.data]
            else:
                values = [field.parts[i].tolist()[0] for i in field.data]
            writer.add_key_value(name, values, kind, sub_type=sub)
            if name == "tokenizer.ggml.tokens":
                tokens = values
        elif kind == GGUFValueType.STRING:
            writer.add_key_value(name, bytes(field.parts[field.data[0]]).decode("utf-8"), kind)
        else:
            writer.add_key_value(name, field.parts[field.data[0]].tolist()[0], kind)
    return tokens


def output_layer(rng, tokens):
    rows = np.zeros((len(tokens), EMBED), dtype=np.float32)
    scale = CARRIER / np.sqrt((CARRIER ** 2 + EMBED - 1) / EMBED)  # dimension 0 after the final RMS norm
    rows[:, 0] = BIAS_OTHER / scale
    printable = [i for i, t in enumerate(tokens) if PRINTABLE.match(t)]
    rows[printable, 0] = 0.0
    rows[printable, 1:] = rng.standard_normal((len(printable), EMBED - 1)).astype(np.float32)
    if '"' in tokens:
        rows[tokens.index('"'), 0] = BIAS_QUOTE / scale
    for end in END_TOKENS:
        if end in tokens:
            rows[tokens.index(end), 0] = BIAS_END / scale
    return rows


def embeddings(rng, n):
    rows = rng.standard_normal((n, EMBED)).astype(np.float32)
    rows[:, 0] = CARRIER
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vocab", required=True, help="a tokenizer-only GGUF with a chat template")
    parser.add_argument("--out", required=True, help="the model file to write")
    args = parser.parse_args()

    rng = np.random.RandomState(SEED)
    reader = GGUFReader(args.vocab)
    writer = GGUFWriter(args.out, "llama")
    writer.add_name("claimbench-tiny-chat")
    writer.add_context_length(CONTEXT)
    writer.add_embedding_length(EMBED)
    writer.add_block_count(LAYERS)
    writer.add_feed_forward_length(FEED_FORWARD)
    writer.add_head_count(HEADS)
    writer.add_head_count_kv(HEADS)
    writer.add_rope_dimension_count(EMBED // HEADS)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_file_type(1)  # mostly F16
    tokens = copy_tokenizer(reader, writer)
    writer.add_vocab_size(len(tokens))

    def normal(*shape, scale=0.2):
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    writer.add_tensor("token_embd.weight", embeddings(rng, len(tokens)).astype(np.float16))
    for layer in range(LAYERS):
        block = f"blk.{layer}."
        writer.add_tensor(block + "attn_norm.weight", np.ones(EMBED, dtype=np.float32))
        for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
            writer.add_tensor(block + name + ".weight", normal(EMBED, EMBED))
        writer.add_tensor(block + "ffn_norm.weight", np.ones(EMBED, dtype=np.float32))
        writer.add_tensor(block + "ffn_gate.weight", normal(FEED_FORWARD, EMBED))
        writer.add_tensor(block + "ffn_up.weight", normal(FEED_FORWARD, EMBED))
        writer.add_tensor(block + "ffn_down.weight", normal(EMBED, FEED_FORWARD))
    writer.add_tensor("output_norm.weight", np.ones(EMBED, dtype=np.float32))
    writer.add_tensor("output.weight", output_layer(rng, tokens).astype(np.float16))

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


if __name__ == "__main__":
    main()
