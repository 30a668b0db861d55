from django.db import migrations

from recs.common.fulltext import gin_indexes

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


class Migration(migrations.Migration):
    dependencies = [("events", "0002_date_order_indexes")]

    operations = [gin_indexes("events_event", INDEXES)]
