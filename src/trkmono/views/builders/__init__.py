"""Builders: one pure function per answer, turning what the clinical layer found into a views.document."""
