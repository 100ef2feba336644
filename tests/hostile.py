"""Builders of hostile inputs, made in code rather than shipped as blobs (threat model 5, 7, 8).

Each PDF reproduces a class of pypdf advisory: decompression bombs (GHSA-7hfw-26vp-jp8m), circular
``/Prev`` cross-reference chains (GHSA-2rw7-x74f-jg35), unterminated inline images
(GHSA-4vvm-4w3v-6mr8), a missing ``/Root`` with a huge ``/Size``, and truncated files.
"""

from __future__ import annotations

import zlib


def _pdf(objects: list[bytes], trailer: bytes, *, xref: bool = True) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for off in offsets:
            out += f"{off:010d} 00000 n \n".encode()
    out += b"trailer\n" + trailer + f"\nstartxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


def _page_with_stream(stream: bytes, filters: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + filters + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def flate_bomb(megabytes: int = 300) -> bytes:
    """A page whose content stream inflates to ``megabytes`` of zeros from a few hundred KB."""
    comp = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    data = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    return _pdf(_page_with_stream(data, b" /Filter /FlateDecode"), b"<< /Size 6 /Root 1 0 R >>")


def circular_prev() -> bytes:
    """A trailer whose /Prev points back at its own cross-reference section."""
    body = _pdf(_page_with_stream(b"BT /F1 12 Tf 72 720 Td (loop) Tj ET"), b"<< /Size 6 /Root 1 0 R >>")
    start = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    return body.replace(b"<< /Size 6 /Root 1 0 R >>", b"<< /Size 6 /Root 1 0 R /Prev " + str(start).encode() + b" >>")


def missing_root_huge_size() -> bytes:
    return _pdf(_page_with_stream(b"BT ET")[1:], b"<< /Size 999999999 >>")


def unterminated_inline_image() -> bytes:
    stream = b"q BI /W 10 /H 10 /CS /G /BPC 8 ID " + b"\x00" * 5000  # no EI, no Q
    return _pdf(_page_with_stream(stream), b"<< /Size 6 /Root 1 0 R >>")


def truncated(valid_pdf: bytes) -> bytes:
    return valid_pdf[: len(valid_pdf) // 3]


def small_valid_pdf(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"PE\x00\x00"
