"""Headers WhiteNoise adds to static files."""

ONE_YEAR = 365 * 24 * 60 * 60


def cache_hashed_files_for_a_year(headers, path, url):
    """A file whose name carries its hash never changes: browsers keep it for a year."""
    if "immutable" in headers.get("Cache-Control", ""):
        headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
