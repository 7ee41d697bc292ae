"""Readers that turn files, URLs and feeds into :class:`graph.model.Article`."""
