"""The consortium diagram: members grouped by region in columns, a line for each pair
where one offers what the other seeks. Only coordinates here; the template draws them."""

from dataclasses import dataclass

WIDTH = 640
COLUMN_TOP = 110  # room above the nodes for the links' arcs
ROW_HEIGHT = 64
PAD = 56  # room beside the outer columns for their labels
STAGGER = 26  # every other column a little lower, so long names do not collide
RADIUS = 14


@dataclass(frozen=True)
class Node:
    actor_id: int
    name: str
    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class Column:
    code: str
    label: str
    x: float


@dataclass(frozen=True)
class Link:
    a: Node
    b: Node
    capabilities: tuple[str, ...]

    @property
    def path(self) -> str:
        """A curve, so a link between far columns does not run over the nodes between."""
        dx = self.b.x - self.a.x
        if abs(dx) < 1:  # same region: bow out to the right
            cx, cy = self.a.x + 70, (self.a.y + self.b.y) / 2
        else:
            cx, cy = (self.a.x + self.b.x) / 2, (self.a.y + self.b.y) / 2 - 0.25 * abs(dx)
        return f"M {self.a.x:.0f} {self.a.y:.0f} Q {cx:.0f} {cy:.0f} {self.b.x:.0f} {self.b.y:.0f}"


@dataclass(frozen=True)
class Diagram:
    width: int
    height: int
    columns: list[Column]
    nodes: list[Node]
    links: list[Link]


@dataclass(frozen=True)
class Member:
    actor_id: int
    name: str
    kind: str
    region_code: str
    offers: frozenset[str]
    seeks: frozenset[str]


def layout(members: list[Member], region_labels: dict[str, str]) -> Diagram:
    codes = sorted({m.region_code for m in members})
    step = (WIDTH - 2 * PAD) / max(len(codes), 1)
    columns = [
        Column(code, region_labels.get(code, code), PAD + step * (k + 0.5))
        for k, code in enumerate(codes)
    ]
    x_of = {c.code: c.x for c in columns}
    nodes: list[Node] = []
    depth: dict[str, int] = {}
    column_of = {code: k for k, code in enumerate(codes)}
    for member in members:
        row = depth.get(member.region_code, 0)
        depth[member.region_code] = row + 1
        y = COLUMN_TOP + RADIUS + row * ROW_HEIGHT + STAGGER * (column_of[member.region_code] % 2)
        nodes.append(Node(member.actor_id, member.name, member.kind, x_of[member.region_code], y))
    links = []
    for i, a in enumerate(members):
        for j in range(i + 1, len(members)):
            b = members[j]
            shared = (a.seeks & b.offers) | (b.seeks & a.offers)
            if shared:
                links.append(Link(nodes[i], nodes[j], tuple(sorted(shared))))
    rows = max(depth.values(), default=1)
    height = COLUMN_TOP + rows * ROW_HEIGHT + STAGGER * (len(codes) > 1) + 16
    return Diagram(WIDTH, height, columns, nodes, links)
