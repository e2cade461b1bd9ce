"""recindex: UN thematic indexes of recommendations as exact, validated data."""

__version__ = "0.1.0"
