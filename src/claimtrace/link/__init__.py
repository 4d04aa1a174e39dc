"""Across documents: claim groups, stories, the citation graph and compare."""
