import pytest

from app.auth.models import Role
from app.auth.service import Principal
from app.errors import Forbidden


@pytest.mark.parametrize(
    ("principal", "detail"),
    [
        (
            Principal(role=Role.editor, scope="SE23"),
            "an editor key scoped to SE23 may not write region SE11",
        ),
        (Principal(role=Role.reader), "a reader key may not write region SE11"),
    ],
)
def test_a_refused_region_write_names_the_key_in_plain_english(
    principal: Principal, detail: str
) -> None:
    with pytest.raises(Forbidden) as refused:
        principal.require_region("SE11")
    assert refused.value.detail == detail
