"""The picture of a connection's tables and relations on the Catalog page (an inline SVG).

Tables that take part in a relation are boxes on a circle; each relation is an arrow from the
referencing table to the referenced one, solid when declared, dashed when inferred, labelled with
its columns; hovering shows its evidence. Geometry only: the template writes the SVG (escaped).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from airflow_ai_etl.catalog import Catalog
from airflow_ai_etl.relations import Relation

MAX_TABLES = 60  # a bigger picture is unreadable; the relations list stays complete
BOX_HEIGHT = 26
CHAR_WIDTH = 7.2


@dataclass(frozen=True)
class Box:
    name: str
    x: float  # top-left corner
    y: float
    width: float
    height: float = BOX_HEIGHT

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2

    def border_towards(self, px: float, py: float) -> tuple[float, float]:
        """Where the line from the box's center to (px, py) leaves the box."""
        cx, cy = self.center
        dx, dy = px - cx, py - cy
        if dx == 0 and dy == 0:
            return cx, cy
        scale = min(
            (self.width / 2) / abs(dx) if dx else math.inf,
            (self.height / 2) / abs(dy) if dy else math.inf,
        )
        return cx + dx * scale, cy + dy * scale


@dataclass(frozen=True)
class Arrow:
    label: str  # "sales.customer_id -> customers.id"
    columns: str  # "customer_id → id"
    kind: str  # declared | inferred
    confidence: float
    evidence: str
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def mid(self) -> tuple[float, float]:
        return (self.x1 + self.x2) / 2, (self.y1 + self.y2) / 2


@dataclass
class Graph:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)
    left_out: int = 0  # tables not drawn (over MAX_TABLES)


def _name(catalog: Catalog, conn_id: str, qualified: str) -> str:
    table = next((t for t in catalog.tables_of(conn_id) if t.qualified_name == qualified), None)
    return catalog.display_name(conn_id, table) if table else qualified


def relation_graph(catalog: Catalog, conn_id: str, relations: list[Relation]) -> Graph | None:
    """The picture of ``relations`` of ``conn_id``; None when it has none."""
    relations = [r for r in relations if r.conn_id == conn_id]
    tables = sorted({r.table for r in relations} | {r.ref_table for r in relations})
    if not tables:
        return None
    shown, left_out = tables[:MAX_TABLES], max(0, len(tables) - MAX_TABLES)
    names = {q: _name(catalog, conn_id, q) for q in shown}
    widest = max(len(n) for n in names.values()) * CHAR_WIDTH + 20
    radius = max(230.0, len(shown) * (BOX_HEIGHT + 14) / math.pi, widest * len(shown) / (2 * math.pi))
    margin_x, margin_y = widest / 2 + 20, BOX_HEIGHT + 20
    cx, cy = radius + margin_x, radius + margin_y
    boxes: dict[str, Box] = {}
    for i, qualified in enumerate(shown):
        angle = -math.pi / 2 + 2 * math.pi * i / len(shown)
        width = len(names[qualified]) * CHAR_WIDTH + 20
        x = cx + radius * math.cos(angle) - width / 2
        y = cy + radius * math.sin(angle) - BOX_HEIGHT / 2
        boxes[qualified] = Box(names[qualified], round(x, 1), round(y, 1), round(width, 1))
    arrows = []
    for r in relations:
        source, target = boxes.get(r.table), boxes.get(r.ref_table)
        if source is None or target is None or source is target:
            continue
        x1, y1 = source.border_towards(*target.center)
        x2, y2 = target.border_towards(*source.center)
        arrows.append(
            Arrow(
                r.label,
                f"{', '.join(r.columns)} → {', '.join(r.ref_columns)}",
                r.kind,
                r.confidence,
                "; ".join(r.evidence),
                round(x1, 1),
                round(y1, 1),
                round(x2, 1),
                round(y2, 1),
            )
        )
    return Graph(
        round(2 * (radius + margin_x), 1),
        round(2 * (radius + margin_y), 1),
        list(boxes.values()),
        arrows,
        left_out,
    )
