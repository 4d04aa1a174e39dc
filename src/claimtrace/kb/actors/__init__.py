"""The curated actor table: model, files, rules, states."""
