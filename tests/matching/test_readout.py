from app.matching.readout import READ, STATED, engine_view
from tests.matching.builders import actor, build_index


def test_each_item_says_whether_it_is_stated_or_read() -> None:
    index = build_index(
        [
            actor(
                1,
                "SE11",
                themes=["health-care"],
                technologies=["remote patient monitoring"],
                description="We offer test beds and seek financing. Our focus is on e-textiles.",
            ),
            actor(2, "SE22", description="We specialise in RPM. We offer test beds."),
            # Stated technologies that name nothing leave the description's.
            actor(3, "SE23", technologies=["the", "och"], description="We specialise in RPM."),
        ]
    )
    stated = engine_view(index, index.position[1])
    assert [(t.key, t.source) for t in stated.themes] == [("health-care", STATED)]
    # Capabilities the profile does not state are read from its description.
    assert [(o.key, o.source) for o in stated.offers] == [("testbed", READ)]
    assert [(s.key, s.source) for s in stated.seeks] == [("financing", READ)]
    # Stated technologies replace the ones a description names.
    assert [(t.label, t.source) for t in stated.technologies] == [
        ("remote patient monitoring", STATED)
    ]
    read = engine_view(index, index.position[2], "sv")
    assert [(t.label, t.source) for t in read.technologies] == [("RPM", READ)]
    assert [(o.label, o.source) for o in read.offers] == [("Testbädd", READ)]
    empty = engine_view(index, index.position[3])
    assert [(t.label, t.source) for t in empty.technologies] == [("RPM", READ)]
