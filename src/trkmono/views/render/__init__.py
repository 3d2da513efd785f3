"""Renderers: a views.document laid out for a terminal (rich) or as Markdown (text, rich not imported)."""
