"""Kigo's model recipe: build the corpus, train a small GPT-2, export it to ONNX, evaluate it."""
