"""Foreign XML is read safely, and a bad file is refused with its line and element."""

from __future__ import annotations

import pytest

from scheduler.io.errors import FileFormatError
from scheduler.io.fet import import_fet


def write(tmp_path, text: str, name: str = "bad.fet"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_truncated_file_names_the_line(tmp_path, fet_file):
    whole = fet_file("small-school.fet").read_text(encoding="utf-8")
    path = write(tmp_path, whole[: len(whole) // 2])
    with pytest.raises(FileFormatError, match=r"bad\.fet: line \d+, column \d+: not well-formed"):
        import_fet(path)


def test_entity_expansion_is_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE fet [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<fet>&b;</fet>\n'
    )
    with pytest.raises(FileFormatError, match="unsafe XML"):
        import_fet(write(tmp_path, bomb))


def test_external_entity_is_refused(tmp_path):
    xxe = '<?xml version="1.0"?>\n<!DOCTYPE fet [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<fet>&x;</fet>'
    with pytest.raises(FileFormatError, match="unsafe XML"):
        import_fet(write(tmp_path, xxe))


def test_unknown_teacher_names_line_and_element(tmp_path, fet_file):
    text = fet_file("small-school.fet").read_text(encoding="utf-8")
    broken = text.replace("<Teacher>Glenda</Teacher>", "<Teacher>Nobody</Teacher>", 1)
    with pytest.raises(FileFormatError, match=r"line \d+, <Activity>: unknown teacher 'Nobody'"):
        import_fet(write(tmp_path, broken))


def test_bad_number_names_the_element(tmp_path, fet_file):
    text = fet_file("small-school.fet").read_text(encoding="utf-8")
    broken = text.replace("<Duration>1</Duration>", "<Duration>one</Duration>", 1)
    with pytest.raises(FileFormatError, match=r"<Duration>: expected a number, found 'one'"):
        import_fet(write(tmp_path, broken))


def test_not_a_fet_file(tmp_path):
    with pytest.raises(FileFormatError, match="root element is <html>"):
        import_fet(write(tmp_path, "<html></html>"))
    with pytest.raises(FileFormatError, match="is empty"):
        import_fet(write(tmp_path, ""))
    with pytest.raises(FileFormatError, match="no such file"):
        import_fet(tmp_path / "missing.fet")
