"""Which instrument an assessment uses (pure: no Django).

Installed instruments are the bundled item bank plus any YAML file in
``PEOPLECRAFT_HOME/instruments/`` (added with ``peoplecraft assess instrument add``). A new
assessment uses the instrument that covers most of the guide's skills, the bundled bank on a
tie; the id and version are stored with each assessment so results stay explainable when an
instrument changes. Skills no instrument covers get the generic self-rating.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from peoplecraft.assessment.instrument import Instrument, InstrumentError, bundled_instrument, load_instrument
from peoplecraft.core.paths import data_dir
from peoplecraft.skillmap.notefile import NoteFileError, read_note_file, write_note_file

logger = logging.getLogger(__name__)
INSTRUMENTS_FOLDER = "instruments"
_loaded: dict[Path, tuple[int, Instrument]] = {}


def instruments_dir() -> Path:
    return data_dir() / INSTRUMENTS_FOLDER


def installed_instruments() -> list[Instrument]:
    """The bundled instrument first, then valid user instruments by file name."""
    instruments = [bundled_instrument()]
    folder = instruments_dir()
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        instrument = _load_cached(path)
        if instrument is not None and instrument.id not in {known.id for known in instruments}:
            instruments.append(instrument)
    return instruments


def _load_cached(path: Path) -> Instrument | None:
    stamp = path.stat().st_mtime_ns
    cached = _loaded.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        instrument = load_instrument(path)
    except InstrumentError as error:  # a hand-placed broken file must not break every assessment
        logger.warning("ignoring instrument %s: %s", path, error)
        return None
    _loaded[path] = (stamp, instrument)
    return instrument


def default_instrument() -> Instrument:
    return bundled_instrument()


def instrument_for_skills(skill_names: Iterable[str]) -> Instrument:
    """The installed instrument with items for the most of ``skill_names``."""
    wanted = {name.casefold() for name in skill_names}
    best, best_cover = bundled_instrument(), -1
    for instrument in installed_instruments():
        cover = len(wanted & {skill.casefold() for skill in instrument.skills()})
        if cover > best_cover:
            best, best_cover = instrument, cover
    return best


def instrument_get(instrument_id: str) -> Instrument:
    for instrument in installed_instruments():
        if instrument.id == instrument_id:
            return instrument
    raise InstrumentError([f"instrument {instrument_id!r} is not installed"])


def instrument_install(source: Path) -> tuple[Instrument, Path]:
    """Validate ``source`` and copy it into the instruments folder (atomically).

    Raises InstrumentError naming the file and item for an invalid file, or an id that
    would shadow the bundled instrument.
    """
    try:
        text = read_note_file(source)
    except NoteFileError as error:
        raise InstrumentError([str(error)]) from None
    instrument = load_instrument(source)
    if instrument.id == bundled_instrument().id:
        raise InstrumentError([f"{source}: id {instrument.id!r} is the bundled instrument's; choose another id"])
    folder = instruments_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{instrument.id}.yaml"
    try:
        write_note_file(target, text)
    except NoteFileError as error:
        raise InstrumentError([str(error)]) from None
    return instrument, target
