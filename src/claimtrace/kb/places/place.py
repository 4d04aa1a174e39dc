"""The gazetteer's record: one place with its coordinates and names."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

PlaceKind = Literal["country", "admin1", "region", "locality", "city"]


@dataclass(frozen=True, slots=True)
class Place:
    """A place. ``id`` is ``geonames:<geonameid>`` for package data and ``curated:<slug>`` for
    entries of ``data/gaz_regions.json``; coordinates are WGS84 degrees, None where the source
    has none (US states). A country's coordinates are those of its capital."""

    id: str
    name: str
    kind: PlaceKind
    country_code: str
    lat: float | None
    lon: float | None
    population: int = 0
    alternate_names: tuple[str, ...] = ()
    admin1_code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["alternate_names"] = list(self.alternate_names)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Place:
        return cls(**{**data, "alternate_names": tuple(data.get("alternate_names", ()))})
