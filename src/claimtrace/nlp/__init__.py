"""Language analysis of documents: sentences, entities, attributions, claims, times."""
