# The association's content lives in its own apps (recs.pages, recs.mailinglist); this
# project app keeps the history of the migrations that first made their tables.
