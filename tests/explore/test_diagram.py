from app.explore.diagram import Member, layout


def _member(actor_id: int, region: str, offers: set[str], seeks: set[str]) -> Member:
    return Member(actor_id, f"A{actor_id}", "cluster", region, frozenset(offers), frozenset(seeks))


def test_members_are_grouped_by_region_and_linked_where_they_complement() -> None:
    members = [
        _member(1, "SE11", {"testbed"}, {"research"}),
        _member(2, "SE23", {"research"}, set()),
        _member(3, "SE11", {"design"}, set()),
        _member(4, "SE33", set(), {"design"}),
    ]
    d = layout(members, {"SE11": "Stockholm"})
    assert [c.code for c in d.columns] == ["SE11", "SE23", "SE33"]
    assert d.columns[0].label == "Stockholm"
    x = {n.actor_id: n.x for n in d.nodes}
    assert x[1] == x[3] != x[2]
    pairs = {(link.a.actor_id, link.b.actor_id): link.capabilities for link in d.links}
    assert pairs == {(1, 2): ("research",), (3, 4): ("design",)}
    assert all(0 < n.x < d.width and 0 < n.y < d.height for n in d.nodes)
