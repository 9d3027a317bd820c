"""Read a settings or knowledge file safely: a regular file only, and only up to a size limit.

`--knowledge /dev/zero`, or a pack path in a configuration file found in the
working folder, must not read until memory runs out, nor block on a FIFO.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class FileRefused(ValueError):
    """The file is not a regular file or is larger than the limit; the message says which."""


def file_kind(mode: int) -> str:
    """What a non-regular file is, for messages: a FIFO, a socket, a device."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises FileNotFoundError / OSError as `open` does, and FileRefused for a
    FIFO, device or socket (opened without blocking, checked after opening, so a
    swap between check and read cannot fool it) or a file over the limit.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(f"{file_kind(mode)}, not a regular file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(f"larger than {limit // 2**20} MiB" if limit >= 2**20 else f"larger than {limit} bytes")
    return data
