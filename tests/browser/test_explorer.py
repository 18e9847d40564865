"""The explorer in a real browser against a live server: the cluster manager's path from
search to a saved, submitted consortium; the language switch; and axe-core's checks on
every view. Screenshots land in artifacts/screenshots/."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.live import serve_process

KEY = "explorer-test-admin-key"
WORKBOOK = Path(__file__).parents[2] / "seed_data" / "example_data.xlsx"
SERIOUS = {"serious", "critical"}


@pytest.fixture
def live(database_url: str) -> Iterator[str]:
    with serve_process(database_url, seed_on_start="true", admin_token=KEY) as (base, _server):
        yield base


def _wait(driver: Any, condition: Any, timeout: float = 30) -> Any:
    """Until the condition holds. While a page is being replaced, looking into it can fail
    in several ways (a stale element, "node does not belong to the document"): each is
    tried again until the timeout."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,))
    return wait.until(condition)


def _by(driver: Any, css: str) -> Any:
    return driver.find_element("css selector", css)


def _axe(driver: Any, source: str, view: str) -> None:
    """No serious or critical accessibility violation on the page as it is now."""
    driver.execute_script(source)
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));"
    )
    bad = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in violations
        if v["impact"] in SERIOUS
    ]
    assert bad == [], f"{view}: {json.dumps(bad, indent=1)}"


def _shot(driver: Any, name: str) -> None:
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def test_the_cluster_managers_path(browser: Any, axe_source: str, live: str) -> None:
    driver = browser
    driver.set_window_size(1280, 900)
    driver.delete_all_cookies()
    driver.get(f"{live}/explore?lang=en")
    _axe(driver, axe_source, "search")

    # Search for one's own cluster and open its profile.
    _by(driver, "#q").send_keys("Life Science Cluster Gothenburg")
    _by(driver, "form[role=search] button[type=submit]").click()
    _wait(driver, lambda d: "1 found" in d.find_element("id", "results").text)
    _by(driver, ".cards h3 a").click()
    _wait(driver, lambda d: "/explore/actors/" in d.current_url)
    assert "S3 priorities" in _by(driver, "main").text
    _axe(driver, axe_source, "profile")
    _shot(driver, "profile")

    # Its partners, each with a bar per score component and the reasons.
    driver.find_element("link text", "Find partners").click()
    _wait(driver, lambda d: d.find_elements("css selector", "ol.ranked > li"))
    first = _by(driver, "ol.ranked > li")
    assert len(first.find_elements("css selector", "meter")) == 3
    assert first.find_elements("css selector", "ul li")  # reasons
    _axe(driver, axe_source, "partners")
    _shot(driver, "partners")

    # Consortia around it for the 2016 Swedish call, with EUR 400,000 asked for.
    driver.back()
    driver.find_element("partial link text", "Propose consortia").click()
    from selenium.webdriver.support.ui import Select

    Select(_by(driver, "#call_id")).select_by_value("1")
    _by(driver, "#eu_funding").clear()
    _by(driver, "#eu_funding").send_keys("400000")
    _by(driver, "#limit").clear()
    _by(driver, "#limit").send_keys("2")
    _by(driver, "form.filters button[type=submit]").click()
    # The page before the submit shows proposals too: wait for the answer to the form.
    _wait(
        driver,
        lambda d: (
            "call_id=1" in d.current_url and d.find_elements("css selector", "article.proposal")
        ),
    )
    proposal = _by(driver, "article.proposal")
    assert "Meets every rule of the call" in proposal.text
    assert "EUR 400 000" in proposal.text and "EUR 800 000" in proposal.text
    assert "call_id=1" in driver.current_url and "eu_funding=400000" in driver.current_url
    assert proposal.find_elements("css selector", "svg path.link")
    _axe(driver, axe_source, "consortia")
    _shot(driver, "consortia")

    # Without a key the page is read-only; with one pasted, it saves.
    save = proposal.find_element("css selector", ".save-form button[type=submit]")
    assert not save.is_enabled()
    _by(driver, "#key-input").send_keys(KEY)
    _by(driver, "#key-form button[type=submit]").click()
    _wait(driver, lambda d: save.is_enabled())
    name = proposal.find_element("css selector", ".save-form input[name=name]")
    name.clear()
    name.send_keys("Life science for the 2016 call")
    save.click()
    result = proposal.find_element("css selector", ".save-form .result")
    _wait(driver, lambda d: "Saved as consortium" in result.text)
    # Saved once: the button stays disabled, even after the key is pasted again.
    assert not save.is_enabled()
    _by(driver, "#key-input").send_keys(KEY)
    _by(driver, "#key-form button[type=submit]").click()
    assert not save.is_enabled()
    assert "Open saved consortium" in result.text
    # The key stays in the tab's session storage: not in a cookie, not in a link.
    assert driver.get_cookies() == []
    assert KEY not in driver.current_url
    assert driver.execute_script("return sessionStorage.getItem('clustermatch.key')") == KEY
    assert KEY not in driver.page_source

    # Move it along: draft -> submitted.
    result.find_element("css selector", "a").click()
    _wait(driver, lambda d: "/explore/saved/" in d.current_url)
    # The EU funding typed on the way is kept: the saved page shows its budget.
    assert "eu_funding=400000" in driver.current_url
    assert "EUR 800 000" in _by(driver, "section.eligibility").text
    move = _by(driver, "button.move[data-status=submitted]")
    _wait(driver, lambda d: move.is_enabled())
    move.click()
    _wait(driver, lambda d: "submitted" in _by(d, "#status-now").text)
    assert not move.is_displayed()  # [hidden] wins over the buttons' inline-block
    saved_id = driver.current_url.split("/explore/saved/")[1].split("?")[0]
    stored = httpx.get(f"{live}/api/v1/consortia/{saved_id}").json()
    assert (stored["status"], stored["call_id"]) == ("submitted", 1)
    assert stored["name"] == "Life science for the 2016 call"
    _axe(driver, axe_source, "saved consortium")
    _shot(driver, "saved")

    # The language switch keeps the view and its query.
    consortia_url = f"{live}/explore/consortia?seed=15&call_id=1&eu_funding=400000&limit=1"
    driver.get(consortia_url + "&lang=en")
    driver.find_element("link text", "Svenska").click()
    _wait(driver, lambda d: d.find_element("tag name", "html").get_attribute("lang") == "sv")
    assert "eu_funding=400000" in driver.current_url and "lang=sv" in driver.current_url
    assert _by(driver, "h1").text == "Föreslå konsortier"
    assert "Uppfyller utlysningens alla regler" in _by(driver, "main").text
    # The eligibility panel is in Swedish too: the rules, their values and the budget.
    panel = _by(driver, "article.proposal section.eligibility")
    for swedish in (
        "Minst så många medlemmar: 3",
        "Typer av medlemmar: Kluster, FoI-plattform",
        "EU-stöd minst: EUR 200 000",
        "✓ uppfylld",
        "Krävd medfinansiering",
    ):
        assert swedish in panel.text
    for english in ("met", "RDI platform", "At least", "EU funding", "required"):
        assert english not in panel.text
    _axe(driver, axe_source, "consortia (sv)")
    _shot(driver, "consortia-sv")

    # Dropping a member breaks the call's rules, and the panel says how, in Swedish.
    driver.find_element("partial link text", "Ändra och poängsätt").click()
    _wait(driver, lambda d: "/explore/consortium?" in d.current_url)
    _by(driver, "fieldset.members input[type=checkbox]").click()
    _by(driver, "form.filters button[type=submit]").click()
    _wait(driver, lambda d: "Bryter mot utlysningens regler" in _by(d, "main").text)
    panel = _by(driver, "section.eligibility")
    assert "✗ bruten: 2 medlemmar; minst 3 behövs" in panel.text
    assert "members; at least" not in panel.text
    assert "lang=sv" in driver.current_url
    _axe(driver, axe_source, "consortium (sv)")
    _shot(driver, "consortium-sv")

    # An integrator's upload: the example workbook checked (a dry run), nothing written.
    driver.get(f"{live}/explore/import?lang=en")
    _by(driver, "#import-files").send_keys(str(WORKBOOK))
    check = _by(driver, "#import-check")
    _wait(driver, lambda d: check.is_enabled())
    check.click()
    result = _by(driver, "#import-result")
    _wait(driver, lambda d: "Checked: nothing was written" in result.text)
    assert "clusters 0 0 25" in result.text  # the seeded actors, unchanged
    assert _by(driver, "#import-write").is_enabled()
    _axe(driver, axe_source, "import")
    driver.execute_script("sessionStorage.clear()")


VIEWS = [
    "/explore",
    "/explore/actors/15",
    "/explore/partners?actor_id=15",
    "/explore/consortia",
    "/explore/consortium?member=15&member=28&member=26&call_id=1&eu_funding=700000",
    "/explore/regions?code=SE12",
    "/explore/saved",
    "/explore/import",
    "/explore/actors/99999",
    "/explore/nope",
    "/explore/consortia?go=true&limit=0",
]


def test_every_view_is_accessible_readable_on_a_phone_and_keyboard_reachable(
    browser: Any, axe_source: str, live: str
) -> None:
    driver = browser
    for lang in ("en", "sv"):
        for width, height in ((1280, 900), (390, 844)):
            driver.set_window_size(width, height)
            for view in VIEWS:
                joiner = "&" if "?" in view else "?"
                driver.get(f"{live}{view}{joiner}lang={lang}")
                _axe(driver, axe_source, f"{view} ({lang}, {width}px)")
                # Nothing wider than the screen but the tables that scroll on their own.
                overflow = driver.execute_script(
                    "return document.documentElement.scrollWidth - window.innerWidth"
                )
                assert overflow <= 1, f"{view} is {overflow}px wider than a {width}px screen"
        _shot(driver, f"regions-phone-{lang}")
    # The first Tab reaches the skip link, which leads to the content.
    from selenium.webdriver.common.keys import Keys

    driver.set_window_size(1280, 900)
    driver.get(f"{live}/explore?lang=en")
    _by(driver, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip"
    active.send_keys(Keys.ENTER)
    assert driver.current_url.endswith("#main")
