"""What analysis knows before it reads a text: the curated multilingual actor table,
the offline gazetteer and name normalisation. Read by nlp/ and link/; imports neither."""
