"""The offline gazetteer: places, their sources and the key index."""
