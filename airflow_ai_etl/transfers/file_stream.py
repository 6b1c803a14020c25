"""A file's bytes on their way to ClickHouse: gunzip, decode to UTF-8, count records, drop blank lines.

Every stage is a generator over byte chunks, so a file of any size is held one chunk (1 MiB) at a
time, and no Python object is made per row or per value:

* :func:`gunzip` - gzip data (recognised by its magic bytes, whatever the name) is decompressed
  incrementally; several gzip members one after the other are read as one stream; data that ends
  before the gzip trailer raises :class:`~airflow_ai_etl.transfers.file_formats.FileFormatError`
  ("truncated gzip"), so a cut-off upload never loads as a shorter file.
* :func:`to_utf8` - the bytes are checked (UTF-8) or converted (``cp1251``, ``latin-1``, ...) with an
  incremental decoder, so a character split between two chunks is decoded once it is whole; bytes
  that are not valid in the encoding raise ``FileFormatError`` naming the line. A byte order mark
  at the start is dropped; a UTF-8 BOM on a file declared as another encoding decides for UTF-8 when
  the text is valid UTF-8 (a BOM is the file saying what it is), a UTF-16 BOM decides for UTF-16.
* :class:`CsvScanner` / :class:`JsonLinesScanner` - count the records while the bytes pass (the
  count that is reconciled with what ClickHouse stored) and drop blank lines, which Python's csv
  module skips and ClickHouse 18.16 rejects. CSV records end at a newline outside double quotes;
  a quoted field may hold newlines and ``""``.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

from airflow_ai_etl.transfers.file_formats import FileFormatError

log = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = codecs.BOM_UTF8
_BLANK_LINES = re.compile(rb"\n(?:\r?\n)+")


def chunks_of(stream: Any, size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Read a binary stream (anything with ``read(size)``: an S3 body, a file) in chunks until it ends."""
    read = stream.read
    while True:
        chunk = read(size)
        if not chunk:
            return
        yield chunk


def prefetched(chunks: Iterable[bytes], depth: int = 4) -> ReadAhead:
    """``chunks``, read ahead by a background thread that holds at most ``depth`` of them.

    The thread starts at once: the first read (an S3 GET: the request, then moto or S3 preparing the
    object) runs while the caller does other work. The download of the next chunks (socket reads,
    which release the GIL) then overlaps the work on this one (gunzip, decode, count, send to
    ClickHouse) instead of alternating with it. An error of the source is raised here, in the
    consumer; closing the returned iterator (or finishing it) stops the thread and then closes the
    source.
    """
    return ReadAhead(chunks, depth)


class ReadAhead:
    """The iterator :func:`prefetched` returns (see there); ``close()`` it when not read to the end."""

    _END = object()

    def __init__(self, chunks: Iterable[bytes], depth: int = 4) -> None:
        import queue
        import threading

        source = self._source = iter(chunks)
        ready: queue.Queue[Any] = queue.Queue(depth)
        stop = threading.Event()
        end = self._END

        def offer(item: Any) -> bool:
            while not stop.is_set():
                try:
                    ready.put(item, timeout=0.1)
                    return True
                except queue.Full:
                    continue
            return False

        def produce() -> None:  # no reference to self: an unclosed ReadAhead is still collected
            try:
                for chunk in source:
                    if not offer(chunk):
                        return
            except BaseException as e:  # noqa: BLE001 - handed to the consumer, raised there
                offer(e)
                return
            offer(end)

        self._ready, self._stop, self._closed = ready, stop, False
        self._thread = threading.Thread(target=produce, name="ai-etl-read-ahead", daemon=True)
        self._thread.start()

    def __iter__(self) -> ReadAhead:
        return self

    def __next__(self) -> bytes:
        if self._closed:
            raise StopIteration
        item = self._ready.get()
        if item is self._END:
            self.close()
            raise StopIteration
        if isinstance(item, BaseException):
            self.close()
            raise item
        return item

    def close(self) -> None:
        """Stop the thread (after its current read), then close the source; idempotent."""
        if self._closed:
            return
        self._closed = True
        self._stop.set()
        self._thread.join()
        close = getattr(self._source, "close", None)
        if close:
            close()

    def __del__(self) -> None:  # dropped unclosed: let the thread end (it closes nothing itself)
        stop = getattr(self, "_stop", None)
        if stop is not None:
            stop.set()


def gunzip(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Decompress when the data starts with the gzip magic bytes, else pass it through unchanged."""
    it = iter(chunks)
    first = b""
    for chunk in it:
        first += chunk
        if len(first) >= 2:
            break
    if not first.startswith(GZIP_MAGIC):
        if first:
            yield first
        yield from it
        return
    read = 0
    decoder = zlib.decompressobj(wbits=31)
    pending = first
    try:
        while True:
            while pending:
                out = decoder.decompress(pending, CHUNK_SIZE)
                read += len(pending) - len(decoder.unconsumed_tail) - len(decoder.unused_data)
                if out:
                    yield out
                if decoder.eof:  # a member ended; another may follow (concatenated gzip files)
                    pending = decoder.unused_data
                    if pending:
                        decoder = zlib.decompressobj(wbits=31)
                    continue
                pending = decoder.unconsumed_tail
            following = next(it, None)
            if following is None:
                break
            pending = following
    except zlib.error as e:
        raise FileFormatError(f"not valid gzip data after {read:,} compressed bytes ({e})") from None
    if not decoder.eof:
        raise FileFormatError(
            f"truncated gzip: the compressed data ends after {read:,} bytes, before the end of its "
            "gzip member (an incomplete upload or copy); nothing of it is loaded"
        )


def count_newlines(data: bytes) -> int:
    """``data.count(b"\\n")``, vectorised (bytes.count of one byte is about 5x slower)."""
    import numpy  # imported on first use: DAG files import the operators

    return int(numpy.count_nonzero(numpy.frombuffer(data, numpy.uint8) == 10))


def _codec(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise FileFormatError(f"unknown encoding {encoding!r}") from None


def _valid_utf8_prefix(data: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


def to_utf8(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[bytes]:
    """UTF-8 bytes of text in ``encoding`` (see the module docstring); raises on undecodable bytes."""
    codec = _codec(encoding)
    it = iter(chunks)
    head = b""
    for chunk in it:  # enough text to tell UTF-8 from a single-byte encoding after a BOM
        head += chunk
        if len(head) >= 65536:
            break
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM) :]
        if codec != "utf-8":
            if _valid_utf8_prefix(head):
                log.warning(
                    "The file starts with a UTF-8 byte order mark: reading it as UTF-8, not %s", codec
                )
                codec = "utf-8"
            else:
                log.warning("Dropping a UTF-8 byte order mark from a %s file", codec)
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not codec.startswith("utf-16"):
        log.warning("The file starts with a UTF-16 byte order mark: reading it as UTF-16, not %s", codec)
        codec = "utf-16"
    decoder = codecs.getincrementaldecoder(codec)("strict")
    passthrough = codec == "utf-8"
    lines = 0
    for chunk in _prepend(head, it):
        if passthrough and chunk.isascii() and not decoder.getstate()[0]:
            # ASCII is valid UTF-8 as it stands (no character pending from the previous chunk):
            # no decoding, which would build a str of the whole chunk only to check it
            lines += count_newlines(chunk)
            if chunk:
                yield chunk
            continue
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as e:
            line = lines + chunk[: max(e.start, 0)].count(b"\n") + 1
            raise FileFormatError(
                f"bytes near line {line} are not valid {encoding} ({e.reason}); check the encoding"
            ) from None
        lines += count_newlines(chunk)
        out = chunk if passthrough else text.encode("utf-8")
        if out:
            yield out
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as e:
        raise FileFormatError(
            f"the file ends inside a character (line {lines + 1}): not valid {encoding} ({e.reason})"
        ) from None


def _prepend(head: bytes, it: Iterator[bytes]) -> Iterator[bytes]:
    if head:
        yield head
    yield from it


class CsvScanner:
    """Counts CSV records in UTF-8 bytes as they pass and drops blank lines (outside quotes).

    :param delimiter: the field delimiter (one character).
    :param quoting: double quotes enclose fields (CSV); False for TabSeparated, where they are text.

    After the stream: :attr:`records` (the header included), :attr:`spaced` (an unquoted field
    starts or ends with a space or tab: ClickHouse 18.16 trims those, Python's csv keeps them).
    """

    def __init__(self, delimiter: str = ",", quoting: bool = True) -> None:
        self.delimiter = delimiter.encode()
        self.quoting = quoting  # False: quotes are text (TabSeparated)
        self.inside = False  # the previous chunk ended inside a quoted field
        self.newlines = 0
        self.line_start = True  # the output so far ends with a record separator (or is empty)
        self.spaced = False
        self._prev = b"\n"  # last byte of the previous chunk's outside text
        self._carry = b""  # a trailing CR, held back until we see whether a blank CRLF line follows

    def _space_patterns(self) -> tuple[bytes, ...]:
        d = self.delimiter
        out = [b"\n ", b" \n", b" \r", b" " + d, d + b" "]
        if d != b"\t":
            out += [b"\n\t", b"\t\n", b"\t\r", b"\t" + d, d + b"\t"]
        return tuple(out)

    def _check_spaces(self, outside: bytes) -> None:
        if not self.spaced:
            probe = self._prev + outside
            self.spaced = any(p in probe for p in self._space_patterns())

    def _strip_blank(self, part: bytes, at_line_start: bool) -> bytes:
        if at_line_start:
            part = part.lstrip(b"\r\n")
        return _BLANK_LINES.sub(b"\n", part)

    def feed(self, chunk: bytes) -> bytes:
        """Count and clean one chunk; return the bytes to send on (then :meth:`finish`)."""
        if self._carry:
            chunk, self._carry = self._carry + chunk, b""
        if chunk.endswith(b"\r"):
            chunk, self._carry = chunk[:-1], b"\r"
        return self._feed(chunk)

    def finish(self) -> bytes:
        """The bytes held back at the end of the stream (send them after the last chunk)."""
        carry, self._carry = self._carry, b""
        return self._feed(carry)

    def _feed(self, chunk: bytes) -> bytes:
        if not chunk:
            return chunk
        if not self.inside and (not self.quoting or b'"' not in chunk):
            if (self.line_start and chunk[:1] in (b"\n", b"\r")) or b"\n\n" in chunk or b"\n\r\n" in chunk:
                chunk = self._strip_blank(chunk, self.line_start)
                if not chunk:
                    return chunk
            self._check_spaces(chunk)
            self.newlines += chunk.count(b"\n")
            self.line_start = chunk.endswith(b"\n")
            self._prev = chunk[-1:]
            return chunk
        parts = chunk.split(b'"')
        first_out = 1 if self.inside else 0
        outside = b'"'.join(parts[first_out::2])
        ends_outside = (len(parts) - 1 - first_out) % 2 == 0
        if (self.line_start and outside[:1] in (b"\n", b"\r")) or b"\n\n" in outside or b"\n\r\n" in outside:
            line_start = self.line_start
            for i in range(first_out, len(parts), 2):
                parts[i] = self._strip_blank(parts[i], line_start and i == first_out)
            chunk = b'"'.join(parts)
            outside = b'"'.join(parts[first_out::2])
        self._check_spaces(outside)
        self.newlines += outside.count(b"\n")
        self.inside = not ends_outside
        self.line_start = ends_outside and parts[-1].endswith(b"\n")
        if ends_outside and parts[-1]:
            self._prev = parts[-1][-1:]
        else:
            self._prev = b'"'
        return chunk

    @property
    def records(self) -> int:
        """Records seen so far (a last record without a newline counts)."""
        return self.newlines + (0 if self.line_start else 1)


class JsonLinesScanner:
    """Counts JSON lines (non-blank lines) in UTF-8 bytes as they pass."""

    def __init__(self) -> None:
        self.count = 0
        self.partial = False  # the previous chunk ended inside a non-blank line

    def feed(self, chunk: bytes) -> bytes:
        """Count the lines completed in ``chunk``; return it unchanged (ClickHouse skips blank lines)."""
        n = chunk.count(b"\n")
        if n == 0:
            self.partial = self.partial or bool(chunk.strip())
            return chunk
        # every line ending in "}" (the usual case): no blank line among them, two scans in all
        if chunk.count(b"}\n") + (chunk.count(b"}\r\n") if b"\r" in chunk else 0) != n:
            complete = chunk.split(b"\n")[:-1]
            n = sum(1 for i, line in enumerate(complete) if line.strip() or (i == 0 and self.partial))
        self.count += n
        self.partial = bool(chunk[chunk.rindex(b"\n") + 1 :].strip())
        return chunk

    @property
    def records(self) -> int:
        return self.count + (1 if self.partial else 0)


class ReplayableChunks:
    """One stream read twice: :meth:`first` yields its chunks and keeps them (a sample is read
    from the first few); :meth:`replay` yields the kept chunks, then the rest of the same stream
    (so an S3 object is fetched once). Only the chunks read before the replay are kept."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._it = iter(chunks)
        self._kept: list[bytes] = []
        self.replayable = True

    def first(self) -> Iterator[bytes]:
        for chunk in self._it:
            self._kept.append(chunk)
            yield chunk

    def replay(self) -> Iterator[bytes]:
        """The whole stream from its start; only once."""
        if not self.replayable:
            raise RuntimeError("the stream was replayed or closed already")
        self.replayable = False
        kept, self._kept = self._kept, []
        yield from kept
        yield from self._it

    def close(self) -> None:
        """Close the underlying stream (an S3 body, a file); no replay after it."""
        self.replayable = False
        self._kept = []
        close = getattr(self._it, "close", None)
        if close:
            close()


class ChunkReader(io.RawIOBase):
    """A read-only binary file over an iterator of byte chunks (for the Python readers)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._it = iter(chunks)
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buf:
            nxt = next(self._it, None)
            if nxt is None:
                return 0
            self._buf = nxt
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n

    def close(self) -> None:
        close = getattr(self._it, "close", None)
        if close:
            close()
        super().close()
