"""What changed between two versions of an index: themes, rows, cited items, metadata.

The index is re-issued after each meeting of the Working Group. Readers of a new version
want to know what it adds, drops or corrects, and CI wants a yes/no answer, so the
comparison is a pure function of two `IndexDocument`s (read from sources or from published
`index.json` files alike) returning a typed, frozen `DocumentDiff`; JSON and the terminal
report are views of it.

Matching rules, chosen so that a re-issue reads as the editors made it:

- A theme is the same theme when its name is the same. A theme whose name disappears while
  a new name appears with exactly the same rows (same set of report, expanded paragraphs,
  expanded references) was renamed, wherever either sits in the table: renames are matched
  by content, never by position, because inserting a theme shifts every position after it.
- A row is keyed by its theme (the new name for a renamed theme) and its report symbol
  (and, should a report have two rows in one theme, by their order). Every row of an added
  theme is an added row, every row of a removed theme a removed row.
- A row changed when its printed text or its expanded lists differ; the items gained and
  lost are computed on the expanded lists (as multisets, so a repeated reference counts),
  and shown in the edition's own notation ("8 h)", "VIII.2.h").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TypeVar

from pipeline.comparison.match import match_rows, theme_content
from pipeline.languages import Language, get_language
from pipeline.models import Entry, Frozen, IndexDocument, Paragraph, Reference, Theme
from pipeline.normalize.render import render_paragraphs, show_reference

T = TypeVar("T", bound=Hashable)
MetadataValue = str | int | None
JSONObject = dict[str, object]

# Keys of `to_json`, in order; the CLI's --json output is exactly this object.
JSON_KEYS = (
    "themes_added",
    "themes_removed",
    "themes_renamed",
    "entries_added",
    "entries_removed",
    "entries_changed",
    "metadata_changed",
)


class ThemeRename(Frozen):
    old_name: str
    new_name: str


class EntryRef(Frozen):
    """A row added or removed, with its cells as printed, so that two rows of one report
    in one theme can still be told apart."""

    theme: str
    report: str
    paragraphs_text: str
    references_text: str


class EntryChange(Frozen):
    """A row present in both versions whose cells differ."""

    theme: str
    report: str
    old_paragraphs_text: str
    new_paragraphs_text: str
    old_references_text: str
    new_references_text: str
    paragraphs_gained: tuple[Paragraph, ...] = ()
    paragraphs_lost: tuple[Paragraph, ...] = ()
    references_gained: tuple[Reference, ...] = ()
    references_lost: tuple[Reference, ...] = ()


class MetadataChange(Frozen):
    field: str
    old: MetadataValue
    new: MetadataValue


class DocumentDiff(Frozen):
    """Every difference between two versions; empty lists mean identical data."""

    old_label: str
    new_label: str
    # Items are rendered in this edition's notation (the new version's language).
    language: str
    themes_added: tuple[str, ...] = ()
    themes_removed: tuple[str, ...] = ()
    themes_renamed: tuple[ThemeRename, ...] = ()
    entries_added: tuple[EntryRef, ...] = ()
    entries_removed: tuple[EntryRef, ...] = ()
    entries_changed: tuple[EntryChange, ...] = ()
    metadata_changed: tuple[MetadataChange, ...] = ()

    @property
    def identical(self) -> bool:
        """True when the two versions hold the same data (what `recindex diff` exits 0 on)."""
        return not any(
            (
                self.themes_added,
                self.themes_removed,
                self.themes_renamed,
                self.entries_added,
                self.entries_removed,
                self.entries_changed,
                self.metadata_changed,
            )
        )


# --- comparison ----------------------------------------------------------------------------


def _keyed(themes: Sequence[Theme]) -> list[tuple[Theme, tuple[str, int]]]:
    """Each theme with its key (name, occurrence): a name printed twice (an editing slip)
    stays two themes."""
    seen: Counter[str] = Counter()
    keyed: list[tuple[Theme, tuple[str, int]]] = []
    for theme in themes:
        keyed.append((theme, (theme.name, seen[theme.name])))
        seen[theme.name] += 1
    return keyed


def _unmatched(themes: Sequence[Theme], other: Sequence[Theme]) -> list[Theme]:
    """Themes whose key does not occur in the other version, in document order."""
    keys = {key for _, key in _keyed(other)}
    return [theme for theme, key in _keyed(themes) if key not in keys]


def _renames(old: Sequence[Theme], new: Sequence[Theme]) -> list[tuple[Theme, Theme]]:
    """Pair each vanished theme with an appeared theme of identical, non-empty rows.

    Pairs are taken in the new document's order, each vanished theme used once; when two
    vanished themes have the same rows, the first in the old order is taken (either
    reading is as good, this one is stable)."""
    vanished = _unmatched(old, new)
    pairs: list[tuple[Theme, Theme]] = []
    for theme in _unmatched(new, old):
        content = theme_content(theme)
        match = next((t for t in vanished if content and theme_content(t) == content), None)
        if match is not None:
            vanished.remove(match)
            pairs.append((match, theme))
    return pairs


def _partners(old: Sequence[Theme], new: Sequence[Theme]) -> dict[int, Theme]:
    """New theme (by object id) -> its old version: same (name, occurrence), or renamed."""
    old_by_key = {key: theme for theme, key in _keyed(old)}
    partners = {id(t): old_by_key[key] for t, key in _keyed(new) if key in old_by_key}
    partners.update({id(n): o for o, n in _renames(old, new)})
    return partners


def _ref(theme: str, entry: Entry) -> EntryRef:
    return EntryRef(
        theme=theme,
        report=entry.report,
        paragraphs_text=entry.paragraphs_text,
        references_text=entry.references_text,
    )


def _missing_from(items: Sequence[T], other: Sequence[T]) -> tuple[T, ...]:
    """Items of `items` not in `other`, as multisets, in `items`' order."""
    available = Counter(other)
    out: list[T] = []
    for item in items:
        if available[item]:
            available[item] -= 1
        else:
            out.append(item)
    return tuple(out)


def _change(theme: str, old: Entry, new: Entry) -> EntryChange | None:
    if (old.paragraphs_text, old.references_text, old.paragraphs, old.references) == (
        new.paragraphs_text,
        new.references_text,
        new.paragraphs,
        new.references,
    ):
        return None
    return EntryChange(
        theme=theme,
        report=new.report,
        old_paragraphs_text=old.paragraphs_text,
        new_paragraphs_text=new.paragraphs_text,
        old_references_text=old.references_text,
        new_references_text=new.references_text,
        paragraphs_gained=_missing_from(new.paragraphs, old.paragraphs),
        paragraphs_lost=_missing_from(old.paragraphs, new.paragraphs),
        references_gained=_missing_from(new.references, old.references),
        references_lost=_missing_from(old.references, new.references),
    )


def _metadata(old: IndexDocument, new: IndexDocument) -> tuple[MetadataChange, ...]:
    pairs: list[tuple[str, MetadataValue, MetadataValue]] = [
        ("symbol", old.symbol, new.symbol),
        ("title", old.title, new.title),
        ("job_number", old.job_number, new.job_number),
        ("reference_document", old.reference_document, new.reference_document),
        ("pages", old.source.pages, new.source.pages),
        ("language", old.language, new.language),
    ]
    return tuple(MetadataChange(field=f, old=a, new=b) for f, a, b in pairs if a != b)


def _label(document: IndexDocument) -> str:
    return document.symbol or document.source.name


def diff_documents(old: IndexDocument, new: IndexDocument) -> DocumentDiff:
    """Every difference between two versions of an index (see the module docstring for how
    themes and rows are matched). Diagnostics, pages and positions are not compared: they
    follow from the data and the layout, and would bury the changes a reader looks for."""
    renames = _renames(old.themes, new.themes)
    renamed = {id(o) for o, _ in renames} | {id(n) for _, n in renames}
    partners = _partners(old.themes, new.themes)
    added: list[EntryRef] = []
    changes: list[EntryChange] = []
    for theme in new.themes:
        before = partners.get(id(theme))
        for now, then in match_rows(theme.entries, before.entries if before else ()):
            if now is None:
                continue
            if then is None:
                added.append(_ref(theme.name, now))
            elif (change := _change(theme.name, then, now)) is not None:
                changes.append(change)
    later = {id(before): theme for theme in new.themes if (before := partners.get(id(theme)))}
    removed: list[EntryRef] = []
    for theme in old.themes:
        after = later.get(id(theme))
        # A renamed theme's rows are shown under its new name.
        name = after.name if after else theme.name
        for then, now in match_rows(theme.entries, after.entries if after else ()):
            if then is not None and now is None:
                removed.append(_ref(name, then))
    return DocumentDiff(
        old_label=_label(old),
        new_label=_label(new),
        language=new.language,
        themes_added=tuple(
            t.name for t in _unmatched(new.themes, old.themes) if id(t) not in renamed
        ),
        themes_removed=tuple(
            t.name for t in _unmatched(old.themes, new.themes) if id(t) not in renamed
        ),
        themes_renamed=tuple(ThemeRename(old_name=o.name, new_name=n.name) for o, n in renames),
        entries_added=tuple(added),
        entries_removed=tuple(removed),
        entries_changed=tuple(changes),
        metadata_changed=_metadata(old, new),
    )


# --- views -----------------------------------------------------------------------------


def show_paragraph(item: Paragraph, language: Language) -> str:
    """One paragraph in the edition's notation: "7 a)" (fr), "7 (a)" (en), "44"."""
    return render_paragraphs([item], language)


def to_json(diff: DocumentDiff) -> JSONObject:
    """One JSON object with exactly the keys of `JSON_KEYS`; items in the edition's
    notation, so the output can be read next to the printed index."""
    language = get_language(diff.language)

    def row(ref: EntryRef) -> JSONObject:
        return ref.model_dump()

    def change(c: EntryChange) -> JSONObject:
        return {
            "theme": c.theme,
            "report": c.report,
            "paragraphs_gained": [show_paragraph(p, language) for p in c.paragraphs_gained],
            "paragraphs_lost": [show_paragraph(p, language) for p in c.paragraphs_lost],
            "references_gained": [show_reference(r) for r in c.references_gained],
            "references_lost": [show_reference(r) for r in c.references_lost],
            "paragraphs_text": {"old": c.old_paragraphs_text, "new": c.new_paragraphs_text},
            "references_text": {"old": c.old_references_text, "new": c.new_references_text},
        }

    return {
        "themes_added": [{"theme": name} for name in diff.themes_added],
        "themes_removed": [{"theme": name} for name in diff.themes_removed],
        "themes_renamed": [r.model_dump() for r in diff.themes_renamed],
        "entries_added": [row(r) for r in diff.entries_added],
        "entries_removed": [row(r) for r in diff.entries_removed],
        "entries_changed": [change(c) for c in diff.entries_changed],
        "metadata_changed": [m.model_dump() for m in diff.metadata_changed],
    }
