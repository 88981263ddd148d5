"""Reference data (federations, sections, roles catalogue) and the demo generator."""

from __future__ import annotations

from seeds.refdata import LoadReport, load_reference_data

__all__ = ["LoadReport", "load_reference_data"]
