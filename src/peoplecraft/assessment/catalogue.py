"""Which instrument an assessment uses. Today: the bundled item bank; the id and version are
stored with each assessment so results stay explainable when the bank changes."""

from __future__ import annotations

from peoplecraft.assessment.instrument import Instrument, InstrumentError, bundled_instrument


def default_instrument() -> Instrument:
    return bundled_instrument()


def instrument_get(instrument_id: str) -> Instrument:
    instrument = bundled_instrument()
    if instrument.id != instrument_id:
        raise InstrumentError([f"instrument {instrument_id!r} is not installed"])
    return instrument
