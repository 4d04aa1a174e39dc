"""Alias and gazetteer scanners over word tokens."""
