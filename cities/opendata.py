"""The directory and its full adhesion history as open data (CSV and JSON).

The fields are documented on the open-data page (templates/cities/open_data.html);
``CITY_FIELDS`` and ``HISTORY_FIELDS`` are the single list of them.
"""

from django.db.models import Max
from django.utils import translation

from recs.common.languages import codes

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


def city_rows(request):
    for city in City.objects.with_status().order_by("role", "slug_it"):
        urls = {}
        for code in codes():
            with translation.override(code):
                urls[f"url_{code}"] = request.build_absolute_uri(city.get_absolute_url())
        yield {
            "slug": city.slug_it,
            "name_it": city.name_it,
            "name_en": city.name_en or city.name_it,
            "role": city.role,
            "kind": city.kind,
            "country": city.country.code,
            "region": city.region,
            "province": city.province,
            "population": city.population,
            "latitude": float(city.latitude) if city.latitude is not None else None,
            "longitude": float(city.longitude) if city.longitude is not None else None,
            "website": city.website,
            "current_status": city.current_status or "",
            "status_since": city.status_since.isoformat() if city.status_since else None,
            **urls,
        }


def history_rows():
    """The entries in force (an entry superseded by a correction is left out; the
    correction names it in ``corrects``)."""
    changes = (
        StatusChange.objects.in_force()
        .select_related("city")
        .order_by("city__slug_it", "effective_date", "pk")
    )
    for change in changes:
        yield {
            "id": change.pk,
            "city": change.city.slug_it,
            "city_name_it": change.city.name_it,
            "effective_date": change.effective_date.isoformat(),
            "previous_status": change.previous_status,
            "status": change.status,
            "reference_it": change.reference_it or "",
            "reference_en": change.reference_en or "",
            "note_it": change.note_it or "",
            "note_en": change.note_en or "",
            "corrects": change.corrects_id,
            "recorded_at": change.recorded_at.isoformat(),
        }


def directory_document(request):
    """The whole directory with each city's history, for the JSON file."""
    history = {}
    for row in history_rows():
        history.setdefault(row["city"], []).append(
            {k: v for k, v in row.items() if k not in {"city", "city_name_it"}}
        )
    updated = last_updated()
    return {
        "title": "RECS – Rete Città Strategiche: cities and adhesion history",
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "updated": updated.isoformat() if updated else None,
        "cities": [dict(row, history=history.get(row["slug"], [])) for row in city_rows(request)],
    }
