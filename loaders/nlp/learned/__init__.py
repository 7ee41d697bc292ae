"""The learned attribution engine: an ONNX word-piece tagger shipped inside the package."""
