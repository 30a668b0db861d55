from django.db import migrations

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


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches with a plain match (see the search module)
    for name, expression in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON cities_city USING gin (({expression}))")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cities", "0006_city_order_by_name_then_key")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
