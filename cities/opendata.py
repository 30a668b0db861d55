"""The directory and its full adhesion history as open data (CSV and JSON).

The fields are documented on the open-data page (templates/cities/open_data.html);
``CITY_FIELDS`` and ``HISTORY_FIELDS`` are the single list of them.
"""

import json

from django.db.models import Max
from django.utils import translation

from recs.common.languages import codes, fallback_chain

from .models import City, StatusChange

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

CITY_FIELDS = [
    "slug",
    "name_it",
    "name_en",
    "role",
    "kind",
    "country",
    "region",
    "province",
    "population",
    "latitude",
    "longitude",
    "website",
    "current_status",
    "status_since",
    *(f"url_{code}" for code in codes()),
]
HISTORY_FIELDS = [
    "id",
    "city",
    "city_name_it",
    "effective_date",
    "previous_status",
    "status",
    "reference_it",
    "reference_en",
    "note_it",
    "note_en",
    "corrects",
    "recorded_at",
]


def last_updated():
    """When the adhesion data last changed: the latest recorded status change."""
    return StatusChange.objects.aggregate(latest=Max("recorded_at"))["latest"]


#: Rows read from the database at a time by the exports, which are streamed.
CHUNK = 500


def city_rows(request, order=("role", "slug_it")):
    """Every city (members then peers), read a chunk at a time as plain rows; ``pk`` is
    there for merging with the history, not for export."""
    addresses = {}  # {language: (address from a slug, the slug columns to try)}
    for code in codes():
        with translation.override(code):
            addresses[code] = (City.absolute_url_maker(), [f"slug_{c}" for c in fallback_chain(code)])
    base = request.build_absolute_uri("/")[:-1]
    columns = ("pk", *(f"slug_{code}" for code in codes()), "name_it", "name_en", "role", "kind", "country")
    columns += ("region", "province")
    columns += ("population", "latitude", "longitude", "website", "current_status", "status_since")
    rows = City.objects.with_status().order_by(*order).rewrite(False).values(*columns)
    for row in rows.iterator(chunk_size=CHUNK):
        latitude, longitude, since = row["latitude"], row["longitude"], row["status_since"]
        yield row | {
            "slug": row["slug_it"],
            "name_en": row["name_en"] or row["name_it"],
            "latitude": float(latitude) if latitude is not None else None,
            "longitude": float(longitude) if longitude is not None else None,
            "current_status": row["current_status"] or "",
            "status_since": since.isoformat() if since else None,
            **{
                f"url_{code}": base + address(next(row[column] for column in slugs if row[column]))
                for code, (address, slugs) in addresses.items()
            },
        }


def history_rows(order=("city__slug_it", "effective_date", "pk")):
    """The entries in force (an entry superseded by a correction is left out; the
    correction names it in ``corrects``), read a chunk at a time; ``city_id`` is there
    for merging with the cities, not for export."""
    columns = ("id", "city_id", "effective_date", "previous_status", "status", "recorded_at")
    columns += ("reference_it", "reference_en", "note_it", "note_en")
    changes = (
        StatusChange.objects.in_force()
        .order_by(*order)
        .rewrite(False)
        .values(*columns, "city__slug_it", "city__name_it", "corrects_id")
    )
    for row in changes.iterator(chunk_size=CHUNK):
        yield row | {
            "city": row["city__slug_it"],
            "city_name_it": row["city__name_it"],
            "corrects": row["corrects_id"],
            "effective_date": row["effective_date"].isoformat(),
            "recorded_at": row["recorded_at"].isoformat(),
            **{field: row[field] or "" for field in ("reference_it", "reference_en", "note_it", "note_en")},
        }


def directory_json(request):
    """The whole directory with each city's history, as JSON text a city at a time: the
    cities and the history are both read in the cities' order (by key) and merged as
    they stream."""
    updated = last_updated()
    head = {
        "title": "RECS – Rete Città Strategiche: cities and adhesion history",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "updated": updated.isoformat() if updated else None,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "cities": ['
    history = history_rows(order=("city_id", "effective_date", "pk"))
    pending = next(history, None)
    for index, city in enumerate(city_rows(request, order=("pk",))):
        entries = []
        while pending is not None and pending["city_id"] == city["pk"]:
            entries.append({field: pending[field] for field in HISTORY_FIELDS if field not in CITY_ONLY})
            pending = next(history, None)
        document = {field: city[field] for field in CITY_FIELDS} | {"history": entries}
        yield ("," if index else "") + json.dumps(document, ensure_ascii=False)
    yield "]}"


#: History fields the JSON file leaves out: each entry sits inside its city.
CITY_ONLY = {"city", "city_name_it"}
