"""The one root of every exception this package raises on purpose.

``except AIETLError`` catches any of them. Each class keeps the base it had before it joined this
tree (``ValueError``, ``RuntimeError``, ``AirflowException``), so code that caught those still
does. The module imports nothing from Airflow: the planner, spec and renderer run without it.
"""

from __future__ import annotations


class AIETLError(Exception):
    """Base of every AI ETL Assistant error (planner, spec, validation, deploy, transfer, hook, quality)."""
