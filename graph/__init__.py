"""The attribution graph: domain model, builders, stores and analyses."""
