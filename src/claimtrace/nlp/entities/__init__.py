"""Named entities: NER backends, alias and gazetteer scanners, linked mentions."""
