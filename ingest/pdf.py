"""PDF → page texts with pypdf, in a child process with a time and memory limit.

pypdf has a history of denial-of-service advisories (decompression bombs,
circular xrefs, endless inline images: threat-model.md, item 5), so parsing
runs in a separate process that is killed at the time limit, with an address
space cap, a page cap, and the external JBIG2 decoder disabled.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
from multiprocessing.connection import Connection

from .errors import ReportError


def _child(conn: Connection, data: bytes, max_pages: int, max_memory_mb: int) -> None:
    try:
        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        import io

        import pypdf
        import pypdf.filters

        pypdf.filters.JBIG2DEC_BINARY = None  # never call an external tool
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        n = len(reader.pages)
        if n > max_pages:
            conn.send(("error", f"PDF has {n} pages, over the limit of {max_pages} (setting max_pages_per_pdf)"))
            return
        pages = [(page.extract_text() or "") for page in reader.pages]
        conn.send(("ok", pages))
    except MemoryError:
        conn.send(("error", "PDF needs more memory than allowed to read (possible decompression bomb)"))
    except Exception as exc:  # pypdf raises many types on malformed input
        conn.send(("error", f"malformed PDF ({type(exc).__name__}: {str(exc)[:120]})"))
    finally:
        conn.close()


def extract_pdf_pages(
    data: bytes, *, max_pages: int = 2000, timeout_s: float = 60.0, max_memory_mb: int = 2048
) -> list[str]:
    """The text of every page, in order. Raises ReportError on any failure."""
    # a fresh interpreter: a fork would inherit the parent's address space (torch, FAISS) and
    # threads, so the memory cap could not be applied and locks could be held mid-fork
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, data, max_pages, max_memory_mb), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout_s):
            raise ReportError(f"reading the PDF took longer than {timeout_s:g} s; refused")
        status, payload = parent.recv()
    except EOFError:
        raise ReportError("the PDF reader crashed on this file (malformed PDF)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status != "ok":
        raise ReportError(str(payload))
    return list(payload)
