"""Column lineage of a copy: each written column comes from the read column of the same name."""

from __future__ import annotations

import pytest

from airflow_ai_etl.lineage import LineageDataset, column_lineage, transfer_lineage

SOURCE = LineageDataset(
    "postgres://db:5432", "shop.public.sales", [("id", "bigint"), ("card", "text"), ("x", "int")]
)
TARGET = LineageDataset(
    "clickhouse://ch:9000", "dwh.sales", [("id", "Int64"), ("card", "String"), ("_loaded_at", "DateTime")]
)


def test_same_named_columns_are_linked_and_a_column_no_input_has_is_not() -> None:
    found = column_lineage(TARGET, [SOURCE], masked={"card": "hash"})
    assert found == {"id": [(SOURCE, "id", False)], "card": [(SOURCE, "card", True)]}
    assert column_lineage(TARGET, []) == {}


def test_the_output_carries_the_column_lineage_facet_and_a_masked_column_says_so() -> None:
    pytest.importorskip("airflow.providers.openlineage")
    from openlineage.client.serde import Serde

    lineage = transfer_lineage([lambda: SOURCE], [lambda: TARGET], masked={"card": "hash"})
    (read,), (written,) = lineage.inputs, lineage.outputs
    assert "columnLineage" not in read.facets
    facet = Serde.to_dict(written.facets["columnLineage"])["fields"]
    assert sorted(facet) == ["card", "id"]
    (card,) = facet["card"]["inputFields"]
    assert (card["namespace"], card["name"], card["field"]) == (
        "postgres://db:5432",
        "shop.public.sales",
        "card",
    )
    assert card["transformations"] == [{"type": "DIRECT", "subtype": "TRANSFORMATION", "masking": True}]
    assert facet["id"]["inputFields"][0]["transformations"] == [{"type": "DIRECT", "subtype": "IDENTITY"}]


def test_a_dataset_that_cannot_be_described_is_left_out_not_raised() -> None:
    pytest.importorskip("airflow.providers.openlineage")

    def broken() -> LineageDataset:
        raise RuntimeError("server gone")

    lineage = transfer_lineage([broken], [lambda: TARGET])
    assert lineage.inputs == [] and "columnLineage" not in lineage.outputs[0].facets
