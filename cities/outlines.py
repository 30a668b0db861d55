"""Country outlines for the observatory's maps: Natural Earth's 1:50m countries (public
domain), from the TopoJSON file of the ``world-atlas`` npm package the site installs
(package.json), decoded here. Nothing is fetched from the web.

A TopoJSON file stores each border once, as an "arc" of quantized, delta-encoded points
shared by the countries on either side; a country's rings are lists of arcs (a negative
index, ``~i``, is arc ``i`` reversed).
"""

import json
import logging
from functools import cache

from django.conf import settings

logger = logging.getLogger(__name__)

ATTRIBUTION = "Natural Earth (naturalearthdata.com), public domain, via world-atlas"
#: Italy in the file's ISO 3166 numeric codes.
ITALY = "380"


def source():
    return settings.BASE_DIR / "node_modules" / "world-atlas" / "countries-50m.json"


def decode_arcs(topology):
    """Each arc as [(longitude, latitude)], its quantized deltas added up and scaled."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs, indexes):
    """A closed ring of (latitude, longitude) from its arcs, each joined where the last
    one ended (the shared point is kept once)."""
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return [(latitude, longitude) for longitude, latitude in points]


@cache
def countries():
    """{ISO numeric code: [rings of (latitude, longitude)]} of every country; {} (and a
    warning) when the package is not installed, so that the maps still draw their points."""
    try:
        topology = json.loads(source().read_text())
    except OSError:
        logger.warning("No country outlines: %s is missing (run npm ci)", source())
        return {}
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], []
        )
        rings = [ring(arcs, indexes) for polygon in polygons for indexes in polygon]
        shapes.setdefault(geometry.get("id", geometry["properties"]["name"]), []).extend(rings)
    return shapes


def rings_within(bounds):
    """[(country code, ring)] of the rings that reach into ``bounds``."""
    found = []
    for code, rings in countries().items():
        for shape in rings:
            latitudes = [point[0] for point in shape]
            longitudes = [point[1] for point in shape]
            if (
                min(latitudes) <= bounds.north
                and max(latitudes) >= bounds.south
                and min(longitudes) <= bounds.east
                and max(longitudes) >= bounds.west
            ):
                found.append((code, shape))
    return found
