"""Sentences and word tokens."""
