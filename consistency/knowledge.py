"""Knowledge packs: facts a newsroom trusts, loaded from YAML or JSON (see docs/knowledge.md).

A pack holds people (names, aliases, offices with dates, relatives), organisations,
places with their statuses (and the statuses they never had), and events with dates.
Files are validated by the pydantic models below; a malformed file raises
`KnowledgeError` naming the file, the entry and the field. `load_knowledge(paths)`
merges any number of packs into one `KnowledgeBase` with the look-ups rules need;
the result is cached per process and set of files (keyed by path and mtime).

The core never interprets articles here: matching text against packs is the job of
the `knowledge` rule family (plugins/knowledge.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from .errors import KnowledgeError
from .safeio import FileRefused, read_regular_file

PACK_SUFFIXES = (".yml", ".yaml", ".json")
#: Largest pack file read, and most values (list items, mapping values) it may expand to.
MAX_PACK_BYTES = 64 * 2**20
MAX_PACK_VALUES = 2_000_000
FORMAT_VERSION = 1


# --- dates that may be only a year or a month ----------------------------------------
@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: `2013`, `2013-11`, `2013-11-21`."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day the date can mean."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, self.month, self.day)

    def describe(self) -> str:
        """Human form: "2013", "November 2013", "21 November 2013"."""
        if self.month is None:
            return str(self.year)
        month = dt.date(2000, self.month, 1).strftime("%B")
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"


_DATE_TEXT = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _parse_partial_date(value: Any) -> Any:
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and (m := _DATE_TEXT.match(value.strip())):
        year, month, day = (int(g) if g else None for g in m.groups())
        try:
            dt.date(year, month or 1, day or 1)  # type: ignore[arg-type]
        except ValueError:
            raise ValueError(f"{value!r} is not a real date") from None
        return PartialDate(year, month, day)  # type: ignore[arg-type]
    raise ValueError(f"{value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")


Date = Annotated[PartialDate, BeforeValidator(_parse_partial_date)]


# --- the pack file format -------------------------------------------------------------
class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


def _strip_all(values: list[str]) -> list[str]:
    cleaned = [v.strip() for v in values]
    if any(not v for v in cleaned):
        raise ValueError("empty strings are not allowed")
    return cleaned


Words = Annotated[list[str], AfterValidator(_strip_all)]


class Office(_Entry):
    """An office a person held: `title` (plus `aliases`), where, and from when to when."""

    title: str = Field(min_length=1, description='the office as newsrooms write it: "foreign minister"')
    aliases: Words = Field(default_factory=list, description='other ways to write it: "minister of foreign affairs"')
    country: str | None = Field(default=None, description="the country whose office it is")
    organisation: str | None = Field(default=None, description="the organisation whose office it is")
    start: Date | None = None
    end: Date | None = Field(default=None, description="empty while the person still holds it at the pack's as_of")

    @property
    def titles(self) -> list[str]:
        """The title and its aliases."""
        return [self.title, *self.aliases]

    def holds_on(self, day: dt.date) -> bool:
        """Whether the office was held on that day (open ends count as held)."""
        if self.start is not None and day < self.start.first_day:
            return False
        return not (self.end is not None and day > self.end.last_day)

    def term(self) -> str:
        """"since 2004", "2004-2018", or "" when no dates are given."""
        if self.start and self.end:
            return f"{self.start.year}-{self.end.year}"
        if self.start:
            return f"since {self.start.year}"
        return f"until {self.end.year}" if self.end else ""


class Relative(_Entry):
    """A relative of a person: `relation` ("son", "wife", ...) and `name`."""

    relation: str = Field(min_length=1)
    name: str = Field(min_length=1)


class Person(_Entry):
    """A person: `name`, `aliases` (spellings, transliterations), offices and relatives."""

    id: str | None = None
    name: str = Field(min_length=1)
    aliases: Words = Field(default_factory=list)
    born: Date | None = None
    died: Date | None = None
    offices: list[Office] = Field(default_factory=list)
    relatives: list[Relative] = Field(default_factory=list)
    note: str | None = None

    @property
    def names(self) -> list[str]:
        """The name and its aliases."""
        return [self.name, *self.aliases]


class Organisation(_Entry):
    """An organisation: `name`, `aliases` (acronyms), `kind`, `members`, `founded`."""

    id: str | None = None
    name: str = Field(min_length=1)
    aliases: Words = Field(default_factory=list)
    kind: str | None = None
    members: list[str] = Field(default_factory=list)
    founded: Date | None = None
    note: str | None = None


class Status(_Entry):
    """What a place was over a period: `status`, the `terms` that name it, `start`, `end`."""

    status: str = Field(min_length=1)
    terms: Words = Field(default_factory=list)
    start: Date | None = None
    end: Date | None = None


class FalseStatus(_Entry):
    """A description a place never fitted: `terms` that state it, and the `correction`."""

    terms: Words = Field(min_length=1, description='phrases that state it: "satellite state"')
    correction: str = Field(min_length=1, description='what is true instead: "a constituent republic of the USSR"')
    note: str | None = None


class Place(_Entry):
    """A place: `name`, `aliases` (spellings, demonyms), true `statuses`, `false_statuses`."""

    id: str | None = None
    name: str = Field(min_length=1)
    aliases: Words = Field(default_factory=list)
    statuses: list[Status] = Field(default_factory=list)
    false_statuses: list[FalseStatus] = Field(default_factory=list)
    note: str | None = None

    @property
    def names(self) -> list[str]:
        """The name and its aliases."""
        return [self.name, *self.aliases]


class Event(_Entry):
    """A dated event, found in text by an actor, an action and an object in one sentence.

    `actors`, `actions` and `objects` list alternatives: one of each must occur
    (no object is needed when `objects` is empty).
    `actions` are verbs or nouns, matched by lemma ("abandon" matches "abandoned");
    `actors` and `objects` are matched as words ("EU", "association agreement").
    """

    id: str | None = None
    description: str = Field(min_length=1, description='a past-tense clause: "Russia annexed Crimea"')
    date: Date
    end: Date | None = Field(default=None, description="last day of an event that lasted")
    actors: Words = Field(min_length=1)
    actions: Words = Field(min_length=1)
    objects: Words = Field(default_factory=list, description="empty when actor and action suffice")
    note: str | None = None

    def years(self) -> range:
        """The calendar years the event covers."""
        return range(self.date.year, (self.end or self.date).year + 1)

    def when(self) -> str:
        """The date in words: "November 2013", "2013-2014"."""
        if self.end and self.end.year != self.date.year:
            return f"{self.date.describe()} to {self.end.describe()}"
        return self.date.describe()


class KnowledgePack(_Entry):
    """One pack file: format `version`, `name`, the `as_of` date its facts hold, entries."""

    version: Literal[1] = Field(description="format version of the file; currently 1")
    name: str = Field(min_length=1)
    as_of: Date = Field(description="the date up to which the pack's facts are true")
    description: str | None = None
    source: str | None = None
    example: bool = Field(default=False, description="true for demonstration packs that are not maintained")
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)


# --- loading --------------------------------------------------------------------------
def read_pack(path: str | Path) -> KnowledgePack:
    """Read and validate one pack file; a problem raises `KnowledgeError` naming file, entry, field."""
    path = Path(path)
    try:
        text = read_regular_file(path, MAX_PACK_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"{path}: knowledge pack not found") from None
    except (OSError, UnicodeDecodeError, FileRefused) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge pack: {exc}") from None
    data = _parse(path, text)
    _check_size(path, data)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: a knowledge pack is a mapping with version, name, as_of and entries, "
                             f"not {type(data).__name__}")
    try:
        return KnowledgePack.model_validate(data)
    except ValidationError as exc:
        raise KnowledgeError(_describe_error(path, data, exc)) from None


def _check_size(path: Path, data: Any) -> None:
    """Refuse a pack that expands to too many values (YAML aliases can multiply a small file)."""
    count, stack = 0, [data]
    while stack:
        item = stack.pop()
        count += 1
        if count > MAX_PACK_VALUES:
            raise KnowledgeError(f"{path}: knowledge pack holds more than {MAX_PACK_VALUES:,} values "
                                 "(aliases expanded); split it")
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _parse(path: Path, text: str) -> Any:
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise KnowledgeError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
        except (ValueError, RecursionError) as exc:
            problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
            raise KnowledgeError(f"{path}: invalid JSON: {problem}") from None
    import yaml

    try:
        return yaml.safe_load(text)
    except RecursionError:
        raise KnowledgeError(f"{path}: invalid YAML: nested too deeply") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KnowledgeError(f"{path}: invalid YAML{line}: {problem}") from None


def _describe_error(path: Path, data: dict[str, Any], exc: ValidationError) -> str:
    """One line: file, entry (section[index] "name") and field of the first problem."""
    err = exc.errors()[0]
    loc = list(err["loc"])
    entry = "pack header"
    if len(loc) >= 2 and isinstance(loc[1], int):
        section, index = loc[0], loc[1]
        item = data.get(str(section)) or []
        label = ""
        if isinstance(item, list) and index < len(item) and isinstance(item[index], dict):
            label = str(item[index].get("name") or item[index].get("id") or item[index].get("description") or "")
        entry = f"{section}[{index}]" + (f" ({label})" if label else "")
        loc = loc[2:]
    fieldname = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".") or "(entry)"
    message = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        message = "unknown field"
    elif err["type"] == "missing":
        message = "required field is missing"
    more = len(exc.errors()) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{path}: entry {entry}, field {fieldname}: {message}{tail}"


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """The pack files named: files as given, folders expanded to their .yml/.yaml/.json files."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in PACK_SUFFIXES)
            if not found:
                raise KnowledgeError(f"{p}: folder holds no .yml, .yaml or .json knowledge packs")
            files.extend(found)
        else:
            files.append(p)
    return files


def load_knowledge(paths: Sequence[str | Path]) -> KnowledgeBase:
    """Load and merge the packs at `paths` (files or folders); cached per process and set of files."""
    files = pack_files(paths)
    key = tuple((str(f.resolve()), _mtime(f)) for f in files)
    return _load_cached(key)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0  # read_pack reports the missing file


@lru_cache(maxsize=16)
def _load_cached(key: tuple[tuple[str, float], ...]) -> KnowledgeBase:
    return KnowledgeBase([read_pack(path) for path, _ in key], [path for path, _ in key])


# --- the merged, indexed view rules read ----------------------------------------------
@dataclass(frozen=True)
class OfficeHolding:
    """One person holding one office, as indexed by surname."""

    person: Person
    office: Office
    pack: KnowledgePack


@dataclass
class KnowledgeBase:
    """All loaded packs, with look-ups by surname, place name and event."""

    packs: list[KnowledgePack]
    files: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.holdings_by_surname: dict[str, list[OfficeHolding]] = {}
        self.people_by_surname: dict[str, list[tuple[Person, KnowledgePack]]] = {}
        for pack in self.packs:
            for person in pack.people:
                for surname in {surname_of(n).lower() for n in person.names if surname_of(n)}:
                    self.people_by_surname.setdefault(surname, []).append((person, pack))
                    for office in person.offices:
                        self.holdings_by_surname.setdefault(surname, []).append(OfficeHolding(person, office, pack))
        # first words of actors and place names: rules look up only the entries a sentence can match
        self.events_by_word: dict[str, list[tuple[Event, KnowledgePack]]] = {}
        self.places_by_word: dict[str, list[tuple[Place, KnowledgePack]]] = {}
        for pack in self.packs:
            for event in pack.events:
                for word in {first_word(a) for a in event.actors}:
                    self.events_by_word.setdefault(word, []).append((event, pack))
            for place in pack.places:
                for word in {first_word(n) for n in place.names}:
                    self.places_by_word.setdefault(word, []).append((place, pack))

    @property
    def people(self) -> list[Person]:
        """Every person of every pack."""
        return [p for pack in self.packs for p in pack.people]

    @property
    def places(self) -> list[tuple[Place, KnowledgePack]]:
        """Every place, with the pack it comes from."""
        return [(p, pack) for pack in self.packs for p in pack.places]

    @property
    def events(self) -> list[tuple[Event, KnowledgePack]]:
        """Every event, with the pack it comes from."""
        return [(e, pack) for pack in self.packs for e in pack.events]

    @property
    def organisations(self) -> list[Organisation]:
        """Every organisation of every pack."""
        return [o for pack in self.packs for o in pack.organisations]

    def events_for(self, words: Iterable[str]) -> list[tuple[Event, KnowledgePack]]:
        """Events one of whose actors starts with one of these words (case-sensitive), without repeats."""
        return _unique_entries(e for w in set(words) for e in self.events_by_word.get(w, ()))

    def places_for(self, words: Iterable[str]) -> list[tuple[Place, KnowledgePack]]:
        """Places one of whose names starts with one of these words (case-sensitive), without repeats."""
        return _unique_entries(p for w in set(words) for p in self.places_by_word.get(w, ()))

    def holdings(self, surname: str) -> list[OfficeHolding]:
        """Office holdings of people with this surname (case-insensitive)."""
        return self.holdings_by_surname.get(surname.lower(), [])

    def __len__(self) -> int:
        return sum(len(p.people) + len(p.organisations) + len(p.places) + len(p.events) for p in self.packs)


def _unique_entries(entries: Iterable[tuple[Any, KnowledgePack]]) -> list[tuple[Any, KnowledgePack]]:
    seen: set[int] = set()
    out = []
    for entry in entries:
        if id(entry[0]) not in seen:
            seen.add(id(entry[0]))
            out.append(entry)
    return out


def first_word(phrase: str) -> str:
    """The first word of a phrase, as tokenisers split it ("Ukraine's government" -> "Ukraine")."""
    return re.split(r"[\s'’-]+", phrase.strip())[0]


def surname_of(name: str) -> str:
    """The last word of a name, ignoring suffixes such as "Jr." ("Sergei Lavrov" -> "Lavrov")."""
    words = [w for w in name.replace(",", " ").split() if w.rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}]
    return words[-1] if words else ""


def given_names_of(name: str) -> list[str]:
    """The words before the surname ("Sergei Viktorovich Lavrov" -> ["Sergei", "Viktorovich"])."""
    words = name.split()
    return words[:-1] if len(words) > 1 else []
