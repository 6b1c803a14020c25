"""Operators that refresh a mart table in ClickHouse or export a mart to Excel (thin wrappers over the
mart engine)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from airflow.sdk import BaseOperator

from airflow_ai_etl import metrics
from airflow_ai_etl.hooks.clickhouse import ClickHouseHook
from airflow_ai_etl.marts.model import Mart
from airflow_ai_etl.transfers.mart_to_clickhouse import MartToClickHouseTransfer
from airflow_ai_etl.transfers.mart_to_excel import DEFAULT_SHEET, MartToExcelTransfer


class MartToClickHouseOperator(BaseOperator):
    """Refresh a mart: an aggregate of a PostgreSQL or ClickHouse fact table, kept in ClickHouse.

    See :mod:`airflow_ai_etl.transfers.mart_to_clickhouse` for where the aggregate runs and how a
    refresh is published (readers never see a half-built mart).

    :param mart: the mart as JSON data (:class:`~airflow_ai_etl.marts.model.Mart`: ``conn_id`` and
        ``table`` of the fact table, ``measures``, ``dimensions``, ``time_grain``, ``filters``,
        ``where``, ``joins``, ``refresh``, ``lookback``); validated when the operator is built.
    :param target_conn_id: ClickHouse connection of the mart table.
    :param target_table: ``table`` or ``db.table`` in ClickHouse (templated).
    :param mode: ``full`` or ``incremental`` for this run; default: the mart's ``refresh``.
    :return: ``{"rows", "recomputed", "mode", "since", "seconds", "path", "target"}`` (XCom).
    """

    template_fields: Sequence[str] = ("target_table",)
    ui_color = "#e8f6e8"

    def __init__(
        self,
        *,
        mart: dict[str, Any],
        target_conn_id: str = "clickhouse_default",
        target_table: str,
        mode: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.mart = Mart.model_validate(mart).to_json_dict()
        self.target_conn_id = target_conn_id
        self.target_table = target_table
        self.mode = mode

    def execute(self, context: Any) -> dict[str, Any]:
        result = MartToClickHouseTransfer(
            Mart.model_validate(self.mart),
            ClickHouseHook(clickhouse_conn_id=self.target_conn_id),
            self.target_table,
            mode=self.mode,
        ).run()
        self.log.info(
            "Mart %s: %s rows (%s recomputed, %s%s) in %.2f s",
            result.target,
            result.rows,
            result.recomputed,
            result.mode,
            f" since {result.since}" if result.since else "",
            result.seconds,
        )
        metrics.rows_loaded(context, self, result.rows)
        return result.as_dict()


class MartToExcelOperator(BaseOperator):
    """Export a mart's rows to an .xlsx file (header row, typed cells; the previous file stays until the
    new one is complete). See :mod:`airflow_ai_etl.transfers.mart_to_excel`.

    :param mart: the mart as JSON data (:class:`~airflow_ai_etl.marts.model.Mart`), as for
        :class:`MartToClickHouseOperator`; validated when the operator is built.
    :param path: ``/dir/file.xlsx`` under ``[ai_etl] file_roots``, or ``s3://bucket/key.xlsx`` (templated).
    :param sheet: the sheet's name.
    :param s3_conn_id: the S3 connection of an ``s3://`` path.
    :return: ``{"rows", "path", "columns", "seconds"}`` (XCom).
    """

    template_fields: Sequence[str] = ("path",)
    ui_color = "#e8f0f6"

    def __init__(
        self,
        *,
        mart: dict[str, Any],
        path: str,
        sheet: str = DEFAULT_SHEET,
        s3_conn_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.mart = Mart.model_validate(mart).to_json_dict()
        self.path = path
        self.sheet = sheet
        self.s3_conn_id = s3_conn_id

    def execute(self, context: Any) -> dict[str, Any]:
        result = MartToExcelTransfer(
            Mart.model_validate(self.mart), self.path, self.sheet, s3_conn_id=self.s3_conn_id
        ).run()
        self.log.info(
            "Mart exported: %s rows to %s in %.2f s", result["rows"], result["path"], result["seconds"]
        )
        return result
