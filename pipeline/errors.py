"""Errors about builds on disk. Messages name the file and say how to fix it."""

from __future__ import annotations


class BuildError(RuntimeError):
    """Base class; ``str()`` is the one line shown to users."""


class BuildNotFound(BuildError):
    def __init__(self, index_dir: str) -> None:
        super().__init__(f"no build in {index_dir}; build one with `reportgraph build --out {index_dir}`")


class BuildIntegrityError(BuildError):
    def __init__(self, file: str, reason: str, index_dir: str = "build") -> None:
        super().__init__(f"{file}: {reason}; rebuild with `reportgraph build --out {index_dir}`")
        self.file = file
        self.reason = reason


class BuildBusy(BuildError):
    def __init__(self, index_dir: str) -> None:
        super().__init__(f"another build is writing to {index_dir}; try again when it has finished")
