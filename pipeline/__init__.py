"""Build orchestration: stages in order, manifest, atomic publish, and loading a published build."""

from .build import BuildOptions, BuildResult, add_report, build, remove_report
from .errors import BuildBusy, BuildError, BuildIntegrityError, BuildNotFound
from .load import Build, open_build

__all__ = [
    "Build",
    "BuildBusy",
    "BuildError",
    "BuildIntegrityError",
    "BuildNotFound",
    "BuildOptions",
    "BuildResult",
    "add_report",
    "build",
    "open_build",
    "remove_report",
]
