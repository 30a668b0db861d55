from django.db import migrations

# The site search's documents of the press clippings, stored (PostgreSQL generated
# columns) instead of indexed expressions: ranking the newest matches of a common word
# computed each one's document again (50 µs a clipping with Italian stemming, 20 ms for
# "piano"); reading it stored costs next to nothing. Same expressions as migration 0003,
# which the search and the admin read through recs.common.fulltext.stored().
DOCUMENTS = {
    "it": (
        "setweight(to_tsvector('italian'::regconfig, COALESCE(headline_it, '')), 'A')"
        " || setweight(to_tsvector('italian'::regconfig, COALESCE(summary_it, '')), 'B')"
    ),
    "en": (
        "setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(headline_en, ''), headline_it), '')), 'A')"
        " || setweight(to_tsvector('english'::regconfig, COALESCE(COALESCE(NULLIF(summary_en, ''), summary_it), '')), 'B')"
    ),
}


def store(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return  # SQLite searches by substring: no documents
    for language, expression in DOCUMENTS.items():
        index = f"pressreview_article_search_{language}"
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")
        schema_editor.execute(
            f"ALTER TABLE pressreview_article ADD COLUMN search_{language} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON pressreview_article USING gin (search_{language})")


def compute_again(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for language, expression in DOCUMENTS.items():
        schema_editor.execute(f"ALTER TABLE pressreview_article DROP COLUMN search_{language}")
        schema_editor.execute(
            f"CREATE INDEX pressreview_article_search_{language} ON pressreview_article USING gin (({expression}))"
        )


class Migration(migrations.Migration):
    dependencies = [("pressreview", "0008_versions")]

    operations = [migrations.RunPython(store, compute_again)]
