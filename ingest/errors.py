"""Errors the readers raise: one clear reason, never a traceback for the user."""

from __future__ import annotations


class ReportError(ValueError):
    """A report file cannot be read. ``str()`` is the one-line reason shown to users."""

    def __init__(self, reason: str, *, path: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason
