"""Worked examples of the membership rules (a package, so file names cannot clash elsewhere)."""
