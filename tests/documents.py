"""Real PDF documents made in the tests: pages of text in Helvetica, with a dark band at
the top of the first page (so that a cover drawn from it can be told from a blank one)."""


def pdf_with_text(*pages, extra_catalog=""):
    """A valid PDF (xref table and all) whose pages show the given lines of text."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    page_ids = []
    pages_id = len(pages) * 2 + 2  # the /Pages object comes after each page and its stream
    for number, lines in enumerate(pages):
        text = " ".join(f"({line}) Tj T*".replace("\\", "") for line in lines)
        band = "0.1 0.2 0.5 rg 0 742 612 50 re f " if number == 0 else ""
        stream = f"{band}0 g BT /F1 14 Tf 16 TL 72 700 Td {text} ET".encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    kids = " ".join(f"{page} 0 R" for page in page_ids).encode()
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R %s>>" % (pages_id, extra_catalog.encode()))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)
