"""Translations: every text a person can read is marked, extracted into the .ts, translated, with the same
placeholders; and the markers behave (Japanese stays the str value, templates and data texts translate)."""

from __future__ import annotations

import ast
import pickle
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from string import Formatter

import pytest

from mynakiosk import i18n
from mynakiosk.i18n import N_, Bilingual, Msg, t, translated

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "kiosk_en.ts"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
MARKERS = {"N_", "t"}
# Exceptions for scenario and profile authors (they name the TOML entry): English with Japanese terms.
AUTHOR_ERRORS = {"ScenarioError", "ProfileError", "bad"}
NOT_SHOWN = {
    "東京都千代田区試験町１－１（テスト）": "the emulated card's address data (券面事項入力補助AP), never displayed",
    "日本語": "the language menu names each language in its own words",
    "visual PASSWORD (staff 目視確認 with the 目視モード用パスワード)": "scenario script syntax, for authors",
}
# Tables of the fixed words scenario files and `kiosk scenario run --json` spell enums with: file format, not
# UI (each enum's label is the marked text shown); kept apart so that rewording a label breaks no file.
FILE_WORDS = {"CONSENT_WORDS", "RELATION_WORDS", "METHOD_WORDS"}
# Files whose Japanese literals are not UI texts: command-line output and help, the result XML for a レセコン
# (its values are fixed by the format), the pytest plugin.
NOT_UI = {"kiosk/cli.py", "kiosk/resultfile.py", "kiosk/testing.py", "kiosk/scenarios/runner.py"}


@pytest.fixture
def english():
    """English through a plain dict instead of Qt's translator (Qt-free tests)."""
    table = {"残り{tries}回": "{tries} left", "山田さん": "x", "{name}（{age}歳）": "{name} ({age})"}
    i18n.set_language("en", lambda text: table.get(text, text))
    yield table
    i18n.set_language("ja", None)


def test_marked_texts_stay_japanese_strings():
    msg = N_("残り{tries}回", tries=2)
    assert msg == "残り2回" and isinstance(msg, Msg) and msg.template == "残り{tries}回"
    assert N_("受付") == "受付" and type(N_("受付")) is str
    assert pickle.loads(pickle.dumps(msg)).template == "残り{tries}回"
    name = Bilingual("山田 さくら", "Sakura Yamada")
    assert name == "山田 さくら" and pickle.loads(pickle.dumps(name)).en == "Sakura Yamada"


def test_translation_follows_the_language(english):
    assert translated(N_("残り{tries}回", tries=1)) == "1 left"
    assert t("残り{tries}回", tries=3) == "3 left"
    person = N_("{name}（{age}歳）", name=Bilingual("山田 さくら", "Sakura Yamada"), age=8)
    assert translated(person) == "Sakura Yamada (8)"
    assert translated(Bilingual("山田", None)) == "山田"  # no English spelling: the Japanese is shown
    assert translated(None) is None and translated(3) == 3
    i18n.set_language("ja", None)
    assert translated(person) == "山田 さくら（8歳）"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language"):
        i18n.set_language("fr", None)


def _source_files() -> list[Path]:
    return sorted(p for folder in ("kiosk", "hardware") for p in (ROOT / folder).rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _unmarked_japanese(path: Path) -> list[str]:
    """Japanese literals outside N_()/t(), docstrings, log calls and exceptions raised for programmers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name in MARKERS | AUTHOR_ERRORS | {"debug", "info", "warning", "error", "exception"}:
                skip.update(id(n) for arg in node.args for n in ast.walk(arg))
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(target, ast.Name) and target.id in FILE_WORDS for target in targets):
                skip.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if JAPANESE.search(node.value) and node.value not in NOT_SHOWN:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:40]!r}")
    return found


def test_markers_get_one_literal_never_a_composed_string():
    """lupdate extracts literals only: an f-string or a variable in N_()/t() cannot be translated."""
    bad = []
    for path in _source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
                if path.name == "text.py" or path.name == "i18n.py":
                    continue
                arg = node.args[0] if node.args else None
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or len(node.args) != 1:
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, f"N_/t need exactly one string literal (values as keywords): {bad}"


def test_every_japanese_text_in_the_code_is_marked():
    leftovers = []
    for path in _source_files():
        if str(path.relative_to(ROOT)) not in NOT_UI:
            leftovers += _unmarked_japanese(path)
    assert not leftovers, "Japanese texts not marked with N_() or t():\n" + "\n".join(leftovers)


def _messages(ts: Path) -> list[tuple[str, str, str | None]]:
    """(source, translation, type) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    out = []
    for message in root.iter("message"):
        translation = message.find("translation")
        assert translation is not None
        out.append((message.findtext("source", ""), translation.text or "", translation.get("type")))
    return out


def _fields(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(text) if name is not None}


def test_every_text_has_a_finished_english_translation_with_the_same_placeholders():
    messages = _messages(TS_FILE)
    assert len(messages) > 300
    unfinished = [s for s, tr, kind in messages if kind in ("unfinished", "vanished", "obsolete") or not tr]
    assert not unfinished, f"{len(unfinished)} texts without a finished translation, e.g. {unfinished[:5]}"
    mismatched = [(s, tr) for s, tr, _ in messages if _fields(s) != _fields(tr)]
    assert not mismatched, f"placeholders differ: {mismatched[:5]}"
    still_japanese = [(s, tr) for s, tr, _ in messages if JAPANESE.search(tr)]
    assert not still_japanese, f"translations with Japanese left in them: {still_japanese[:5]}"


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path):
    """What lupdate extracts now is exactly what the committed .ts holds: run scripts/update_translations."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate (PySide6-Essentials) is missing from the venv"
    fresh = tmp_path / "fresh.ts"
    command = [lupdate, "-extensions", "py", "-tr-function-alias", "QT_TR_NOOP+=N_,QT_TR_NOOP+=t"]
    subprocess.run(
        [*command, "kiosk", "hardware", "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True
    )
    extracted = {s for s, _, _ in _messages(fresh)}
    committed = {s for s, _, _ in _messages(TS_FILE)}
    assert extracted - committed == set(), "texts in the code missing from the .ts"
    assert committed - extracted == set(), "texts in the .ts no longer in the code"


def test_the_committed_qm_is_what_lrelease_builds_from_the_ts(tmp_path):
    """The app loads the committed kiosk_en.qm (an installed package has no build step): it must be exactly
    what pyside6-lrelease compiles from the committed .ts. Run scripts/update_translations."""
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease (PySide6-Essentials) is missing from the venv"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(fresh)], check=True, capture_output=True)
    committed = TS_FILE.with_suffix(".qm")
    assert committed.is_file(), f"{committed.name} is not committed: run scripts/update_translations"
    assert fresh.read_bytes() == committed.read_bytes(), (
        f"{committed.name} is not what pyside6-lrelease builds from {TS_FILE.name}: run scripts/update_translations"
    )


#: Placeholders that stand for whole Japanese sentences (each ends in 「。」): joined to the next without a space.
_SENTENCE_FIELDS = ("check", "advice", "cause", "routes")


def test_japanese_sentences_are_joined_without_a_space_english_with_one():
    """Japanese puts no space after 「。」 (「有効）。窓口」, not 「有効）。 窓口」); English keeps one. A label's
    「原因: {cause}」 keeps its space, as every 「…: 」 label in the UI does."""
    from mynakiosk.domain.desk import OTHER_ROUTES
    from mynakiosk.domain.staff import DOCUMENT_CHECK, NOT_IN_SYSTEM_CHECK

    for sentence in (DOCUMENT_CHECK, NOT_IN_SYSTEM_CHECK, OTHER_ROUTES):
        assert sentence.endswith("。"), sentence  # what makes a join without a space right
    spaced = []
    english_joined = []
    for source, translation, _ in _messages(TS_FILE):
        if re.search(r"[。、）」] ", source):
            spaced.append(source)
        for field in _SENTENCE_FIELDS:
            if re.search(r"\{" + field + r"\} \S", source) or re.search(r"[^:] \{" + field + r"\}", source):
                spaced.append(source)
            if re.search(r"[.:]\{" + field + r"\}|\{" + field + r"\}[A-Za-z]", translation):
                english_joined.append(translation)
    assert not spaced, "Japanese joined with a space:\n" + "\n".join(spaced)
    assert not english_joined, "English sentences joined without a space:\n" + "\n".join(english_joined)


def _english_scenario_texts() -> list[tuple[str, str]]:
    """(where, text) of every English text in the scenario files (the ``…_en`` keys, at any depth)."""
    import tomllib

    found: list[tuple[str, str]] = []

    def walk(value: object, where: str, english: bool) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}", english or key.endswith("_en"))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]", english)
        elif isinstance(value, str) and english:
            found.append((where, value))

    for path in sorted((ROOT / "resources" / "scenarios").glob("*.toml")):
        walk(tomllib.loads(path.read_text(encoding="utf-8")), path.name, False)
    return found


def test_english_texts_quote_with_curly_quotes():
    """BIZ UDPGothic draws an ASCII " as a closing quote at both ends (”Place card”): English uses “…”."""
    english = [(source, translation) for source, translation, _ in _messages(TS_FILE)]
    english += _english_scenario_texts()
    assert len(english) > 500
    straight = [text for _, text in english if '"' in text]
    assert not straight, "ASCII double quotes in English texts:\n" + "\n".join(straight)
    unpaired = [text for _, text in english if text.count("“") != text.count("”")]
    assert not unpaired, "unpaired quotes:\n" + "\n".join(unpaired)
