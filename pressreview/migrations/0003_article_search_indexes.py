from django.db import migrations

from recs.common.fulltext import gin_indexes

# The site search's document for the press clippings (recs/site/search.py,
# full_text_matches), in each language: GIN-indexed, so that searching 100,000 clippings
# reads the index instead of every row. The expressions must stay exactly those the search
# builds; a test checks with EXPLAIN that the search uses them.
INDEXES = {
    "pressreview_article_search_it": (
        "setweight(to_tsvector('italian'::regconfig, COALESCE(headline_it, '')), 'A')"
        " || setweight(to_tsvector('italian'::regconfig, COALESCE(summary_it, '')), 'B')"
    ),
    "pressreview_article_search_en": (
        "setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(headline_en, ''), headline_it), '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(summary_en, ''), summary_it), '')), 'B')"
    ),
}


class Migration(migrations.Migration):
    dependencies = [("pressreview", "0002_images_stored_without_metadata")]

    operations = [gin_indexes("pressreview_article", INDEXES)]
