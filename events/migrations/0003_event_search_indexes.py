from django.db import migrations

# The site search's document for the events (recs/site/search.py, full_text_matches), in
# each language: GIN-indexed like the press clippings' (pressreview 0003), so that a
# search reads the index instead of every event. The expressions must stay exactly those
# the search builds; a test checks with EXPLAIN that the search uses them.
INDEXES = {
    "events_event_search_it": (
        "(setweight(to_tsvector('italian'::regconfig, COALESCE(title_it, '')), 'A')"
        " || setweight(to_tsvector('italian'::regconfig, COALESCE(venue_it, '')), 'B'))"
        " || setweight(to_tsvector('italian'::regconfig, COALESCE(description_it, '')), 'B')"
    ),
    "events_event_search_en": (
        "(setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(title_en, ''), title_it), '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(venue_en, ''), venue_it), '')), 'B'))"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(description_en, ''), description_it), '')), 'B')"
    ),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches with a plain match (see the search module)
    for name, expression in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON events_event USING gin (({expression}))")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_date_order_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
