"""The one gateway for user SPARQL: ``run_query(source, text, policy)``.

The CLI, the app and the tests call only this (threat model, SPARQL 1–4):

1. Refuse before any engine sees the query: longer than ``max_query_chars``; anything that parses
   as an UPDATE (INSERT/DELETE/LOAD/CLEAR/DROP/CREATE/ADD/MOVE/COPY); ``SERVICE`` in any form
   and position; ``FROM`` / ``FROM NAMED`` dataset clauses. → ``QueryRefused`` (CLI exit 2).
2. Evaluate in a worker *process* (``graph/sparql_worker.py``) that has its own guards (audit
   hook, ``SPARQL_LOAD_GRAPHS=False``, a SERVICE-refusing ``CUSTOM_EVALS``). rdflib cannot cancel a
   query, so at the time limit the worker is killed (``QueryTimeout``, CLI exit 3) and a fresh one
   is started for the next query. Workers are kept between queries with their data loaded.
3. Cap the rows: the worker stops after ``max_rows`` and marks the result ``truncated``.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import select
import struct
import subprocess
import sys
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyparsing import ParseException
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

WORKER = Path(__file__).with_name("sparql_worker.py")
Term = URIRef | Literal | BNode


@dataclass(frozen=True)
class QueryPolicy:
    """Limits for one query; built by the shells from settings (Datasette-style defaults)."""

    timeout_ms: int = 3000
    max_rows: int = 1000
    max_query_chars: int = 16_384
    allow_service: bool = False
    allow_dataset_clause: bool = False
    load_timeout_ms: int = 120_000  # loading the data into a fresh worker (not the query's limit)
    max_workers: int = 2  # concurrent queries; more wait for a free worker


class QueryError(Exception):
    exit_code = 1


class QueryRefused(QueryError):
    exit_code = 2


class QuerySyntaxError(QueryRefused):
    pass


class QueryTimeout(QueryError):
    exit_code = 3


@dataclass(frozen=True)
class QueryResult:
    kind: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    turtle: str | None = None
    truncated: bool = False
    elapsed_ms: float = 0.0


_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
          "DescribeQuery": "DESCRIBE"}


def _walk(node: Any) -> Any:
    """Every CompValue in a parse tree (subqueries, OPTIONAL, UNION, MINUS, GRAPH, FILTER EXISTS…)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list | tuple) or type(item).__name__ == "ParseResults":
            stack.extend(item)


def check_query(text: str, policy: QueryPolicy) -> str:
    """Parse and vet ``text``; returns its kind (SELECT/ASK/CONSTRUCT/DESCRIBE).

    Raises:
        QueryRefused: too long, an update, SERVICE, or a dataset clause.
        QuerySyntaxError: not SPARQL.
    """
    if len(text) > policy.max_query_chars:  # before parsing: the parser is not cheap
        raise QueryRefused(f"query is {len(text)} characters, the limit is {policy.max_query_chars}")
    try:
        tree = parseQuery(text)
    except ParseException as query_error:
        try:
            parseUpdate(text)
        except ParseException:
            raise QuerySyntaxError(f"not a SPARQL query: {query_error}") from None
        # read-only console: threat model SPARQL 3 (LOAD goes through ctx.load like FROM)
        raise QueryRefused("updates are not allowed (INSERT/DELETE/LOAD/CLEAR/DROP/CREATE/ADD/MOVE/COPY)") from None
    query = tree[1]
    for part in _walk(tree):
        # SSRF: rdflib's evalServiceQuery calls urlopen on any IRI (threat model SPARQL 1)
        if part.name == "ServiceGraphPattern" and not policy.allow_service:
            raise QueryRefused("SERVICE not allowed")
        # file read / SSRF: FROM makes rdflib parse the IRI (threat model SPARQL 2)
        if dict.get(part, "datasetClause") and not policy.allow_dataset_clause:
            raise QueryRefused("FROM / FROM NAMED dataset clauses are not allowed")
    return _KINDS.get(query.name, query.name)


# -- the data a worker loads ------------------------------------------------------------------

_DS_CACHE: dict[int, tuple[weakref.ref[Dataset], int, str, bytes]] = {}


def _payload(source: Any) -> tuple[str, dict[str, Any], bytes | None]:
    """(fingerprint, load request, inline N-Quads or None) for a Dataset, store, path or bytes."""
    if isinstance(source, Path):
        st = source.stat()
        fmt = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads"}.get(source.suffix.lower())
        if fmt is None:
            raise ValueError(f"cannot query {source.name!r}: use a .trig or .nq file")
        fp = f"path:{source.resolve()}:{st.st_size}:{st.st_mtime_ns}"
        return fp, {"op": "load", "path": str(source.resolve()), "format": fmt}, None
    if isinstance(source, bytes):
        return "nq:" + hashlib.sha256(source).hexdigest(), {"op": "load", "inline": True, "format": "nquads"}, source
    ds = getattr(source, "dataset", source)
    if not isinstance(ds, Dataset):
        raise TypeError(f"cannot query a {type(source).__name__}")
    size = len(ds)
    cached = _DS_CACHE.get(id(ds))
    if cached is None or cached[0]() is not ds or cached[1] != size:
        data = ds.serialize(format="nquads", encoding="utf-8")
        cached = (weakref.ref(ds), size, "nq:" + hashlib.sha256(data).hexdigest(), data)
        _DS_CACHE[id(ds)] = cached
    return cached[2], {"op": "load", "inline": True, "format": "nquads"}, cached[3]


# -- workers ------------------------------------------------------------------------------------

class _Worker:
    def __init__(self, allow_service: bool) -> None:
        args = [sys.executable, "-I", str(WORKER)] + (["--allow-service"] if allow_service else [])
        self.allow_service = allow_service
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, close_fds=True)
        self.fingerprint: str | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    def send(self, header: dict[str, Any], payload: bytes | None = None) -> None:
        assert self.proc.stdin is not None
        data = json.dumps(header).encode("utf-8")
        self.proc.stdin.write(struct.pack(">I", len(data)) + data)
        if payload is not None:
            self.proc.stdin.write(struct.pack(">I", len(payload)) + payload)
        self.proc.stdin.flush()

    def receive(self, timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        head = self._read(4, deadline)
        (n,) = struct.unpack(">I", head)
        return json.loads(self._read(n, deadline))

    def _read(self, n: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None
        fd, buf = self.proc.stdout.fileno(), bytearray()
        while len(buf) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(fd, n - len(buf))
            if not chunk:
                raise QueryError("the SPARQL worker exited unexpectedly")
            buf += chunk
        return bytes(buf)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                stream.close()


class _Pool:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy = 0

    def acquire(self, policy: QueryPolicy, fingerprint: str) -> _Worker:
        with self._cond:
            while self._busy >= policy.max_workers:
                self._cond.wait()
            self._busy += 1
            for i, w in enumerate(self._idle):  # prefer a worker that has this data loaded
                if w.fingerprint == fingerprint and w.allow_service == policy.allow_service:
                    return self._idle.pop(i)
            stale = [w for w in self._idle if w.allow_service == policy.allow_service]
            if stale:
                self._idle.remove(stale[0])
                return stale[0]
        try:
            return _Worker(policy.allow_service)
        except BaseException:
            with self._cond:
                self._busy -= 1
                self._cond.notify()
            raise

    def release(self, worker: _Worker, healthy: bool) -> None:
        if not healthy:
            worker.kill()
        with self._cond:
            self._busy -= 1
            if healthy:
                self._idle.append(worker)
                while len(self._idle) > 4:
                    self._idle.pop(0).kill()
            self._cond.notify()

    def pids(self) -> list[int]:
        with self._cond:
            return [w.pid for w in self._idle]

    def shutdown(self) -> None:
        with self._cond:
            idle, self._idle = self._idle, []
        for w in idle:
            w.kill()


_POOL = _Pool()
atexit.register(_POOL.shutdown)


def worker_pids() -> list[int]:
    """PIDs of the idle workers (for tests and the app's health page)."""
    return _POOL.pids()


def shutdown_workers() -> None:
    _POOL.shutdown()


def run_query(source: Any, text: str, policy: QueryPolicy) -> QueryResult:
    """Run one read-only query on ``source`` under ``policy``.

    Args:
        source: an rdflib ``Dataset`` (or a store with ``.dataset``), N-Quads ``bytes``, or the
            ``Path`` of a published ``.trig`` / ``.nq`` file.
        text: the SPARQL query.
        policy: limits and switches.

    Raises:
        QueryRefused: refused before evaluation (exit 2); QuerySyntaxError is one.
        QueryTimeout: the time limit was reached and the worker killed (exit 3).
        QueryError: the query failed in the engine.
    """
    kind = check_query(text, policy)
    result = _execute(source, text, policy)
    if result.kind != kind:
        raise QueryError(f"worker answered a {result.kind} for a {kind} query")
    return result


def _execute(source: Any, text: str, policy: QueryPolicy) -> QueryResult:
    """Evaluate in a worker without the parser check (tests use this to prove the worker's guards)."""
    fingerprint, load, payload = _payload(source)
    worker = _POOL.acquire(policy, fingerprint)
    healthy = False
    try:
        if worker.fingerprint != fingerprint:
            worker.fingerprint = None
            worker.send({**load, "prefixes": _prefixes()}, payload)
            reply = _receive(worker, policy.load_timeout_ms, "loading the data")
            if not reply.get("ok"):
                raise QueryError(f"the SPARQL worker could not load the data: {reply.get('message')}")
            worker.fingerprint = fingerprint
        started = time.perf_counter()
        worker.send({"op": "query", "text": text, "max_rows": policy.max_rows})
        reply = _receive(worker, policy.timeout_ms, "the query")
        healthy = True
    finally:
        _POOL.release(worker, healthy)
    if not reply.get("ok"):
        error, message = reply.get("error"), reply.get("message", "")
        if error == "refused":
            raise QueryRefused(message)
        if error == "syntax":
            raise QuerySyntaxError(message)
        raise QueryError(message)
    return QueryResult(
        kind=reply["kind"],
        variables=tuple(reply.get("variables", ())),
        rows=tuple(tuple(_term(t) for t in row) for row in reply.get("rows", ())),
        boolean=reply.get("boolean"),
        turtle=reply.get("turtle"),
        truncated=bool(reply.get("truncated")),
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


def _prefixes() -> dict[str, str]:
    from graph.namespaces import PREFIXES

    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def _receive(worker: _Worker, limit_ms: int, what: str) -> dict[str, Any]:
    try:
        return worker.receive(limit_ms / 1000)
    except TimeoutError:
        raise QueryTimeout(f"{what} took longer than {limit_ms} ms; stopped") from None


def _term(t: dict[str, str] | None) -> Term | None:
    if t is None:
        return None
    if t["type"] == "uri":
        return URIRef(t["value"])
    if t["type"] == "bnode":
        return BNode(t["value"])
    if "xml:lang" in t:
        return Literal(t["value"], lang=t["xml:lang"])
    return Literal(t["value"], datatype=URIRef(t["datatype"]) if "datatype" in t else None)
