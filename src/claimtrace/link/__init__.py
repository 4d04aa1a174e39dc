"""Linking: name normalisation, the offline gazetteer, and the curated actor table."""
