"""The SPARQL worker process: loads one dataset, answers read-only queries, can be killed at any time.

Started by ``graph.sparql`` as ``python -I graph/sparql_worker.py`` and spoken to over its
stdin/stdout with length-prefixed JSON frames (no pickle). It imports only the standard library
and rdflib. Guards, whatever the parent already checked (threat model, SPARQL 1–3):

* an audit hook denies ``socket.*`` connections, name lookups, ``urllib.Request`` and new
  processes, and — once the data is loaded — any ``open`` outside the Python installation;
* ``SPARQL_LOAD_GRAPHS = False``: ``FROM <…>`` never makes rdflib load a URL or a file;
* a ``CUSTOM_EVALS`` entry raises on every ``ServiceGraphPattern`` before rdflib's own evaluator
  (which would call ``urlopen`` with no timeout).
"""

from __future__ import annotations

import json
import os
import struct
import sys
import time
from typing import Any, BinaryIO

_DENIED_EVENTS = frozenset({
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.sendto", "socket.bind", "urllib.Request", "subprocess.Popen", "os.system",
    "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "ftplib.connect", "http.client.connect",
})
_state: dict[str, Any] = {"allow_network": False, "files_locked": False, "loading": ""}
_ALLOWED_READ_ROOTS: tuple[str, ...] = ()


class ServiceRefused(PermissionError):
    """SERVICE reached the evaluator (the parser check was bypassed or missed it)."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event in _DENIED_EVENTS and not (_state["allow_network"] and event.startswith("socket.")):
        raise PermissionError(f"{event} denied in the SPARQL worker")
    if event == "open" and _state["files_locked"]:
        path, mode = args[0], args[1] if len(args) > 1 else "r"
        if isinstance(path, int):
            return
        text = os.fsdecode(path) if isinstance(path, bytes | str) else str(path)
        writing = isinstance(mode, str) and any(c in mode for c in "wax+")
        real = os.path.realpath(text)
        if writing or not (real.startswith(_ALLOWED_READ_ROOTS) or real == _state["loading"]):
            raise PermissionError(f"open({text!r}) denied in the SPARQL worker")


def install_audit_hook(allow_network: bool = False) -> None:
    """Install once per process (audit hooks cannot be removed)."""
    global _ALLOWED_READ_ROOTS
    _state["allow_network"] = allow_network
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, *(p for p in sys.path if p)}
    _ALLOWED_READ_ROOTS = tuple(sorted({os.path.realpath(r) + os.sep for r in roots}))
    sys.addaudithook(_audit)


def service_guard(ctx: Any, part: Any) -> Any:
    """CUSTOM_EVALS hook: refuse SERVICE, let rdflib evaluate everything else."""
    if getattr(part, "name", None) == "ServiceGraphPattern":
        raise ServiceRefused("SERVICE not allowed")
    raise NotImplementedError  # rdflib then uses its built-in evaluation


def install_service_guard() -> None:
    import rdflib.plugins.sparql as rdflib_sparql

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # FROM / FROM NAMED never load anything
    rdflib_sparql.CUSTOM_EVALS["reportgraph_no_service"] = service_guard


def term_json(term: Any) -> dict[str, str] | None:
    """An RDF term as in the W3C SPARQL 1.1 JSON results format."""
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def run(ds: Any, text: str, max_rows: int) -> dict[str, Any]:
    started = time.perf_counter()
    res = ds.query(text)
    out: dict[str, Any] = {"ok": True, "kind": res.type, "truncated": False}
    if res.type == "SELECT":
        names = [str(v) for v in (res.vars or [])]
        rows = []
        for row in res:  # lazy: stop after max_rows + 1
            if len(rows) == max_rows:
                out["truncated"] = True
                break
            rows.append([term_json(row[i]) for i in range(len(names))])
        out.update(variables=names, rows=rows)
    elif res.type == "ASK":
        out["boolean"] = bool(res.askAnswer)
    else:
        from rdflib import Graph

        graph = res.graph
        if len(graph) > max_rows:
            kept = Graph()
            for triple in sorted(graph)[:max_rows]:
                kept.add(triple)
            graph, out["truncated"] = kept, True
        for prefix, ns in ds.namespace_manager.namespaces():
            graph.namespace_manager.bind(prefix, ns, override=False)
        out["turtle"] = graph.serialize(format="turtle")
    out["elapsed_ms"] = (time.perf_counter() - started) * 1000
    return out


def read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(4)
    if len(head) < 4:
        return None
    (n,) = struct.unpack(">I", head)
    data = stream.read(n)
    return data if len(data) == n else None


def write_frame(stream: BinaryIO, obj: dict[str, Any]) -> None:
    data = json.dumps(obj).encode("utf-8")
    stream.write(struct.pack(">I", len(data)) + data)
    stream.flush()


def _load(req: dict[str, Any], stream: BinaryIO) -> Any:
    from rdflib import Dataset

    if req.get("inline"):
        data = read_frame(stream)
        if data is None:
            raise EOFError("no data frame")
    else:
        _state["loading"] = os.path.realpath(req["path"])  # the one file a load request may read
        try:
            with open(req["path"], "rb") as f:
                data = f.read()
        finally:
            _state["loading"] = ""
    if req["format"] not in ("nquads", "trig"):
        raise ValueError(f"format {req['format']!r} not accepted")
    ds = Dataset(default_union=True)
    for prefix, ns in req.get("prefixes", {}).items():
        ds.namespace_manager.bind(prefix, ns, override=True, replace=True)
    ds.parse(data=data, format=req["format"])
    return ds


def main() -> None:
    allow_network = "--allow-service" in sys.argv
    install_audit_hook(allow_network=allow_network)
    if not allow_network:
        install_service_guard()
    else:
        import rdflib.plugins.sparql as rdflib_sparql

        rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    from rdflib import Dataset

    # warm up everything a query may import, before files are locked
    warm = Dataset(default_union=True)
    run(warm, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", 1)
    run(warm, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(REGEX(STR(?s), 'x', 'i')) } GROUP BY ?s", 1)
    inp, out = sys.stdin.buffer, os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing else may write into the protocol stream
    ds = None
    while True:
        frame = read_frame(inp)
        if frame is None:
            return
        req = json.loads(frame)
        try:
            if req["op"] == "load":
                ds = _load(req, inp)
                _state["files_locked"] = True
                write_frame(out, {"ok": True, "quads": len(ds)})
            elif req["op"] == "query":
                if ds is None:
                    raise RuntimeError("no data loaded")
                write_frame(out, run(ds, req["text"], int(req["max_rows"])))
            else:
                write_frame(out, {"ok": True})
        except PermissionError as e:  # ServiceRefused and audit-hook denials
            write_frame(out, {"ok": False, "error": "refused", "message": str(e)})
        except Exception as e:  # noqa: BLE001 - reported to the parent, the worker lives on
            kind = "syntax" if type(e).__name__ == "ParseException" else "error"
            write_frame(out, {"ok": False, "error": kind, "message": f"{type(e).__name__}: {e}"})


if __name__ == "__main__":
    main()
