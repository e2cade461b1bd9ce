"""Extractors: a source file becomes `Lines`, whatever its format."""
