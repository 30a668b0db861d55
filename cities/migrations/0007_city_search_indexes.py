from django.db import migrations

from recs.common.fulltext import gin_indexes

# The site search's document for the cities (recs/site/search.py, full_text_matches), in
# each language: GIN-indexed like the press clippings' (pressreview 0003). The expressions
# must stay exactly those the search builds; a test checks with EXPLAIN that it uses them.
INDEXES = {
    "cities_city_search_it": (
        "setweight(to_tsvector('italian'::regconfig, COALESCE(name_it, '')), 'A')"
        " || setweight(to_tsvector('italian'::regconfig, COALESCE(description_it, '')), 'B')"
    ),
    "cities_city_search_en": (
        "setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(name_en, ''), name_it), '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(description_en, ''), description_it), '')), 'B')"
    ),
}


class Migration(migrations.Migration):
    dependencies = [("cities", "0006_city_order_by_name_then_key")]

    operations = [gin_indexes("cities_city", INDEXES)]
