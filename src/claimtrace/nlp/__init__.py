"""Language analysis of one document, by step: text (sentences, tokens), entities (NER,
alias and gazetteer scanners, mentions), times, attribution, claims; ``analyse`` runs them."""
