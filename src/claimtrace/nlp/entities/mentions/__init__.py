"""Mentions linked to actors and places, and person roles."""
