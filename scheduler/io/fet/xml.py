"""Safe XML reading with line numbers, so every complaint can say where in the file it is.

defusedxml refuses entity declarations and external references (no "billion laughs", no reading
other files); a tree builder notes the line each element starts on.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from scheduler.io.errors import FileFormatError


class Located:
    """The parsed tree plus where each element starts, for messages."""

    def __init__(self, path: Path, root: Element, lines: dict[int, int]) -> None:
        self.path = path
        self.root = root
        self._lines = lines

    def line(self, el: Element) -> int | None:
        return self._lines.get(id(el))

    def error(self, el: Element | None, message: str) -> FileFormatError:
        """A user-facing error naming the file, the line and the element."""
        if el is None:
            return FileFormatError(self.path, message)
        line = self.line(el)
        where = f"line {line}, " if line else ""
        return FileFormatError(self.path, f"{where}<{el.tag}>: {message}")


def parse(path: Path, raw: bytes, *, root: str | None = "fet") -> Located:
    lines: dict[int, int] = {}
    parser: DefusedXMLParser

    class _Builder(TreeBuilder):
        def start(self, tag, attrs):
            el = super().start(tag, attrs)
            lines[id(el)] = parser.parser.CurrentLineNumber
            return el

    parser = DefusedXMLParser(target=_Builder(), forbid_dtd=False)
    try:
        parser.feed(raw)
        top = parser.close()
    except ParseError as exc:
        line, column = exc.position
        raise FileFormatError(
            path, f"line {line}, column {column}: not well-formed XML ({_reason(exc)})"
        ) from None
    except DefusedXmlException as exc:
        raise FileFormatError(path, f"refused unsafe XML: {_unsafe(exc)}") from None
    except LookupError as exc:  # <?xml encoding="..."?> names an encoding Python does not know
        raise FileFormatError(path, f"line 1: the XML declaration names {exc}") from None
    if root is not None and top.tag != root:
        raise FileFormatError(path, f"line 1: the root element is <{top.tag}>, not <{root}>")
    return Located(path, top, lines)


def _unsafe(exc: DefusedXmlException) -> str:
    """What the file tried, in words (defusedxml's own text is for programmers)."""
    if isinstance(exc, EntitiesForbidden):
        return (
            f"it declares the entity {exc.name!r} (<!ENTITY …>); FET files never do, and "
            "entities can expand to gigabytes or read other files"
        )
    if isinstance(exc, ExternalReferenceForbidden):
        target = exc.sysid or exc.pubid or "?"
        return f"it refers to an outside file or address ({str(target)[:80]})"
    return type(exc).__name__


def _reason(exc: ParseError) -> str:
    text = str(exc)
    return text.split(":", 1)[0] if ":" in text else text


def text(el: Element, tag: str, default: str = "") -> str:
    found = el.find(tag)
    return default if found is None or found.text is None else found.text.strip()


def texts(el: Element, tag: str) -> list[str]:
    return [(c.text or "").strip() for c in el.findall(tag)]


def name_of(el: Element) -> str:
    """An entity's name: its <Name> child, or (very old files) its own text."""
    found = el.find("Name")
    return ((found.text if found is not None else el.text) or "").strip()
