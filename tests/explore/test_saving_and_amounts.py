"""Saving from the explorer and moving a saved consortium along: a consortium is saved
once, a used move button disappears, admin-only moves say so, failures are worded in the
page's language, and the EU funding typed on the way is kept. Amounts are typed the
Swedish way too; the language honours q=0."""

import re
from html import unescape
from importlib.resources import files

import pytest
from fastapi.testclient import TestClient

from app.explore.i18n import choose_language
from tests.conftest import ADMIN
from tests.explore.conftest import page_text


def _static(name: str) -> str:
    return files("app.explore").joinpath(f"static/{name}").read_text(encoding="utf-8")


def test_a_saved_form_is_not_offered_again_and_links_to_the_saved_consortium(
    explorer: TestClient,
) -> None:
    html = explorer.get("/explore/consortium?member=15&member=28&lang=sv").text
    assert 'data-saved-link="Öppna sparat konsortium {id}"' in html
    script = _static("explore.js")
    # Saved once: the form is marked, its button stays disabled and a second submit returns.
    assert "if (form.dataset.saved) return;" in script
    assert "form.dataset.saved = id;" in script
    assert '".save-form:not([data-saved]) button[type=submit], "' in script


def test_the_hidden_attribute_wins_over_the_buttons_display() -> None:
    css = _static("explore.css")
    assert re.search(r"\[hidden\]\s*\{\s*display:\s*none\s*!important;?\s*\}", css)


def _saved(explorer: TestClient, status: str | None = None) -> int:
    saved = explorer.post(
        "/api/v1/consortia",
        headers=ADMIN,
        json={"name": "Life science testbeds", "call_id": 1, "member_ids": [15, 28, 26]},
    ).json()
    if status:
        explorer.patch(
            f"/api/v1/consortia/{saved['id']}",
            headers={**ADMIN, "If-Match": '"1"'},
            json={"status": status},
        ).raise_for_status()
    return int(saved["id"])


def test_admin_only_moves_say_they_need_an_admin_key(explorer: TestClient) -> None:
    draft = explorer.get(f"/explore/saved/{_saved(explorer)}?lang=sv").text
    assert "kräver en administratörsnyckel." not in page_text(
        draft
    )  # draft -> submitted: the owner
    submitted = explorer.get(f"/explore/saved/{_saved(explorer, 'submitted')}?lang=sv").text
    note = "Att flytta till beviljat eller avslaget kräver en administratörsnyckel."
    assert note in page_text(submitted)
    for move in ("funded", "rejected"):
        button = re.search(
            rf'<button[^>]*data-status="{move}"[^>]*>(.*?)</button>', submitted, re.S
        )
        assert button and 'data-admin-only="true"' in button[0]
        assert "kräver administratörsnyckel" in button[1]
    # A failed move is worded in the page's language, not in the API's English.
    assert 'data-failed="Status inte ändrad: {detail}"' in submitted
    assert 'data-failed-403-admin="detta kräver en administratörsnyckel' in submitted
    assert 'data-failed-401="API-nyckeln är okänd eller återkallad' in submitted
    saving = explorer.get("/explore/consortium?member=15&member=28&lang=sv").text
    assert 'data-failed-401="API-nyckeln är okänd eller återkallad' in saving
    script = _static("explore.js")
    assert "failure(box, error)" in script and "failure(form, error)" in script


def test_the_eu_funding_typed_is_kept_on_the_saved_page(explorer: TestClient) -> None:
    proposals = explorer.get("/explore/consortia?seed=15&call_id=1&eu_funding=400000&limit=1")
    saved_url = re.search(r'data-saved-url="([^"]+)"', proposals.text)
    assert saved_url and "eu_funding=400000" in unescape(saved_url[1])
    consortium_id = _saved(explorer)
    page = explorer.get(f"/explore/saved/{consortium_id}?eu_funding=400000")
    assert page.status_code == 200
    text = page_text(page.text)
    assert "Meets every rule of the call" in text
    assert "EUR 400 000" in text and "EUR 800 000" in text
    edit = re.search(r'href="(/explore/consortium\?[^"]+)"', page.text)
    assert edit and "eu_funding=400000" in unescape(edit[1]) and "call_id=1" in edit[1]
    # Without an amount: no budget, and the link carries none.
    bare = explorer.get(f"/explore/saved/{consortium_id}").text
    assert "EUR 800 000" not in page_text(bare) and "eu_funding" not in bare


@pytest.mark.parametrize("typed", ["400 000", "400\u00a0000", "400\u202f000", " 400000 "])
def test_amounts_may_group_thousands_with_spaces(explorer: TestClient, typed: str) -> None:
    response = explorer.get(
        "/explore/consortium",
        params={"member": [15, 28, 26], "call_id": 1, "eu_funding": typed, "lang": "sv"},
    )
    assert response.status_code == 200, response.text
    assert "EUR 800 000" in page_text(response.text)


def test_an_over_long_amount_is_too_large(explorer: TestClient) -> None:
    for lang, words in (("en", "is too large"), ("sv", "är för stort")):
        response = explorer.get(
            f"/explore/consortia?call_id=1&eu_funding=99999999999999999999999&lang={lang}"
        )
        assert response.status_code == 422
        text = page_text(response.text)
        assert words in text and "eu_funding" in text
        assert "whole number" not in text and "heltal" not in text


def test_q_zero_means_not_that_language(explorer: TestClient) -> None:
    assert choose_language(None, "sv;q=0") == "en"
    assert choose_language(None, "sv;q=0, en;q=0.1") == "en"
    assert choose_language(None, "en;q=0, sv;q=0.2") == "sv"
    assert choose_language(None, "sv;q=0.5") == "sv"
    page = explorer.get("/explore", headers={"Accept-Language": "sv;q=0"})
    assert '<html lang="en">' in page.text
