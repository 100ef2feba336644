"""A session-wide audit hook: no socket may connect outside loopback during the tests.

Audit hooks cannot be removed once added (PEP 578), so this is installed once,
from conftest, and records every refused connection so the session fails loudly.
"""

from __future__ import annotations

import ipaddress
import sys
import threading

violations: list[str] = []
_lock = threading.Lock()
_installed = False


def _is_loopback(address: object) -> bool:
    if isinstance(address, tuple) and address:
        host = address[0]
    else:
        return True  # AF_UNIX paths and the like stay on this machine
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


def _hook(event: str, args: tuple) -> None:
    if event == "socket.connect":
        address = args[1]
        if not _is_loopback(address):
            with _lock:
                violations.append(f"socket.connect to {address!r}")
            raise PermissionError(f"network access outside loopback refused in tests: {address!r}")
    elif event == "urllib.Request":
        url = str(args[0])
        if not url.startswith(("http://127.", "http://localhost", "http://[::1]", "file:")):
            with _lock:
                violations.append(f"urllib.Request {url}")
            raise PermissionError(f"network access refused in tests: {url}")


def install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
