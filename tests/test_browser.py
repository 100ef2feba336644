"""End to end in a real browser: Debian chromium driven by Playwright against `streamlit run`.

Skipped with a visible reason when /usr/bin/chromium is missing; under CI=true a missing
browser fails (``make test`` installs it). No browser is downloaded: Playwright drives
the system chromium. Every request the page makes must stay on 127.0.0.1 (the app works
offline: the network component bundles its scripts).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts"
SCREENSHOTS = ROOT / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--no-first-run"]
QUESTION = "who co-leads GTRM?"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _require_chromium() -> None:
    if CHROMIUM.is_file():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (`make test` does) to run the browser tests"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:  # noqa: S310 - loopback
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer on {url} within {timeout:.0f} s")


@pytest.fixture(scope="module")
def app_url(built_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _require_chromium()
    port = _free_port()
    log = tmp_path_factory.mktemp("streamlit") / "streamlit.log"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "app.py"),
           "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--", "--index", str(built_index)]
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, proc)
            yield url
        except Exception:
            print(log.read_text())
            raise
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def browser_page(app_url: str):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.on("request", lambda r: requests.append(r.url))
        page.set_default_timeout(90_000)
        page.requests = requests  # type: ignore[attr-defined]
        yield page
        browser.close()


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _publish(shot: Path) -> None:
    """Refresh the README's screenshot only when asked (``make screenshots``): a test run leaves the
    working tree as it found it."""
    if os.environ.get("REPORTGRAPH_REFRESH_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOTS / shot.name)


def _settle(page) -> None:
    """Wait until Streamlit has finished the run: the sidebar (written last) is there and nothing is stale."""
    page.wait_for_load_state("networkidle")
    page.get_by_text("reportgraph — a knowledge graph of results reports").wait_for()
    page.wait_for_function(
        "() => document.querySelectorAll('[data-stale=\"true\"]').length === 0", timeout=90_000)
    page.wait_for_timeout(500)


def test_ask_entity_and_network_in_a_real_browser(app_url: str, browser_page) -> None:
    page = browser_page
    page.goto(app_url + "/")  # the default page (Ask) lives at the root URL
    page.get_by_label("Question").fill(QUESTION)
    page.get_by_role("button", name="Ask", exact=True).click()
    page.locator("mark").first.wait_for(state="visible")
    _settle(page)
    answer = page.locator("[data-testid='stHeadingWithActionElements'] h3").first.inner_text()
    assert "UNHCR" in answer and "IOM" in answer, answer
    assert page.locator("mark").first.is_visible()
    assert "q=who" in page.url  # the question is in the URL, so the answer can be shared
    _publish(_shot(page, "ask"))

    # an organisation page, from an entity link under a citation
    page.locator("[data-testid='stPageLink'] a", has_text="UNHCR").first.click()
    page.wait_for_url("**/entities?entity=*")
    page.get_by_role("heading", name="Relations").wait_for()
    _settle(page)
    assert "UNHCR" in page.locator("h1").first.inner_text()
    _shot(page, "entity")

    # the partner network: the component renders its canvas inside its iframe
    page.goto(app_url + "/network")
    frame = page.frame_locator("iframe[title*='streamlit_cytoscape']")
    frame.locator("canvas").first.wait_for(state="attached")
    _settle(page)
    page.wait_for_timeout(2500)  # the fcose layout animates into place
    _publish(_shot(page, "network"))

    # an edge's evidence: select an edge (through Cytoscape's API), then the panel's real button
    cy = "document.getElementById('cy')._cyreg.cy"
    frame.locator("#cy").evaluate(f"() => {{ const cy = {cy}; cy.elements().unselect(); cy.edges()[0].select(); }}")
    page.wait_for_timeout(600)  # the info panel follows the selection after a debounce
    frame.get_by_role("button", name="Show evidence below").click()
    page.get_by_role("heading", name="Evidence").wait_for()
    _settle(page)
    assert page.locator(".rg-passage").first.is_visible()
    _shot(page, "network-evidence")

    # a node opens its entity page
    frame = page.frame_locator("iframe[title*='streamlit_cytoscape']")
    frame.locator("#cy").evaluate(f"() => {{ const cy = {cy}; cy.elements().unselect(); cy.$id('unhcr').select(); }}")
    page.wait_for_timeout(600)
    frame.get_by_role("button", name="Open entity page").click()
    page.get_by_role("heading", name="Relations").wait_for()  # (st.switch_page keeps the old URL here)
    _settle(page)
    assert "UNHCR" in page.locator("h1").first.inner_text()

    outside = sorted({u for u in page.requests if urlparse(u).hostname not in ("127.0.0.1", None)
                      and not u.startswith(("data:", "blob:", "about:"))})
    assert outside == [], f"the page fetched from outside: {outside[:5]}"
