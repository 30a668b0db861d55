"""CSV files that open correctly, and safely, in a spreadsheet."""

import csv

from django.http import StreamingHttpResponse

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value as text, neutralised if a spreadsheet would run it as a formula
    (numbers stay numbers: -7.5 is a longitude, not a formula)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_PREFIXES) else value
    return str(value)


def csv_lines(header, rows):
    """The CSV text, a line at a time (with a BOM first, so that spreadsheet programs
    read the accents right)."""

    class Line:
        def write(self, text):
            return text

    writer = csv.writer(Line())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])


def csv_response(filename, header, rows):
    """A UTF-8 CSV download, streamed: however many rows, the memory it takes stays the same."""
    response = StreamingHttpResponse(csv_lines(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
