"""Curated data files shipped with claimtrace (gazetteer regions, actor table)."""
