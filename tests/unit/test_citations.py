"""Comments and docs cite public sources, never the team's private background notes.

The design notes, the research summaries and the original documents the project started from are not part of
this repository: a citation of them (a path into that folder, a section number of the notes, a seed number,
one of their file names) cannot be followed by a newcomer. docs/domain.md explains the rule and cites each source by its title
or address instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Spelled in pieces so that this file does not match itself.
PRIVATE_CITATION = re.compile(
    "|".join(
        [
            r"\bshared" + "/",
            r"\breference\s*" + "§",
            r"\bseeds?\s+00\d",
            r"\b(?:card-and-pcsc|reception-flow|style-anchors)" + r"\.md",
            r"\bDESIGN" + r"(?:\.md)?\s*§",
            r"\(" + "§" + r"\d",  # a bare "(§1.3)" names no document
        ]
    ),
    re.IGNORECASE,
)


def tracked_text_files() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are unknown")
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.split(b"\0")
    files = []
    for name in filter(None, listed):
        path = ROOT / name.decode()
        if not path.is_file() or path == Path(__file__).resolve():  # this file names the forms it looks for
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:  # binary: fonts, images, compiled translations
            continue
        files.append(path)
    return files


def private_citations(text: str) -> list[tuple[int, str]]:
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), start=1)
        if PRIVATE_CITATION.search(line)
    ]


def test_no_tracked_file_cites_private_notes() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line}"
        for path in tracked_text_files()
        for number, line in private_citations(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not found, "cite the public source (title, page, URL) instead:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "line",
    [
        # Spelled in pieces, like the pattern, so that no line of this file is itself a citation.
        "# see shared" + "/reference/card-and-pcsc.md",
        "(reference " + "§1.1 step 3)",
        "seed " + "004 FAQ 4-5",
        "seeds " + "000",
        "card-and-pcsc" + ".md §1.6",
        "DESIGN" + ".md §3",
    ],
)
def test_the_check_recognises_private_citations(line: str) -> None:
    assert private_citations(line)


@pytest.mark.parametrize(
    "line",
    [
        "J-LIS FAQ (www2.jpki.go.jp/faq/trouble/iccard_digital_id.html)",
        "JICSAP 6.4.1 (4), per myna-card",
        "hypothesis seed 12345",
    ],
)
def test_public_citations_pass(line: str) -> None:
    assert not private_citations(line)
