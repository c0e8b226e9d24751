"""Every page type of `pia serve` in headless Chromium: axe-core finds no
serious or critical WCAG 2.x A/AA violation, the pages work by keyboard
alone, and the token sign-in leaves a cookie scripts cannot read."""

import time

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import start_server, stop_server, wait_for_new_page

AXE_OPTIONS = '{"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}'
KINDS = ["yes_no", "choice", "multi_choice", "text", "long_text", "date", "number"]
PAGES = (
    ["/", "/a/safe-admin-pilot/", "/a/personal-account-pilot/", "/_patterns/", "/no-such-page"]
    + [f"/_patterns/question-{kind}" for kind in KINDS]
    + [f"/_patterns/question-{kind}-error" for kind in KINDS]
    + ["/_patterns/group-list", "/_patterns/group-remove", "/_patterns/review",
       "/_patterns/conflict", "/_patterns/sign-in"]
)


def axe_problems(driver):
    axe = Axe(driver)
    axe.inject()
    result = axe.run(options=AXE_OPTIONS)
    assert result.get("testEngine", {}).get("version", "0").split(".")[0] >= "4", "axe-core 4 expected"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


def press(driver, *keys):
    actions = ActionChains(driver)
    for key in keys:
        actions.send_keys(key)
    actions.perform()


def active(driver):
    return driver.switch_to.active_element


def tab_to(driver, predicate, limit=60):
    """Presses Tab until the focused element satisfies `predicate`."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        if predicate(active(driver)):
            return active(driver)
    raise AssertionError("never reached the element by Tab")


def test_token_sign_in_sets_a_strict_http_only_cookie(signed_in, server):
    assert "token=" not in signed_in.current_url
    cookies = signed_in.get_cookies()
    session = [c for c in cookies if c["name"] == "pia_session"]
    assert session and session[0]["httpOnly"] and session[0]["sameSite"] == "Strict"
    assert signed_in.execute_script("return document.cookie") == ""


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(signed_in, server, path):
    signed_in.get(server.base + path)
    assert signed_in.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-CA"
    problems = axe_problems(signed_in)
    assert problems == [], "\n".join(problems)


def test_axe_on_the_workspace_with_errors(signed_in, server):
    signed_in.get(server.base + "/")
    button = signed_in.find_element(By.XPATH, "//button[text()='Create the assessment']")
    wait_for_new_page(signed_in, button.click)
    assert signed_in.title.startswith("Error: ")
    assert axe_problems(signed_in) == []


def test_no_csp_violation_and_no_script_errors(signed_in, server):
    for path in ["/", "/a/safe-admin-pilot/", "/_patterns/question-choice", "/_patterns/review"]:
        signed_in.get(server.base + path)
    messages = [entry["message"] for entry in signed_in.get_log("browser")]
    bad = [m for m in messages if "Content Security Policy" in m or "Uncaught" in m]
    assert bad == []


def test_skip_link_is_first_and_visible_on_focus(signed_in, server):
    signed_in.get(server.base + "/")
    press(signed_in, Keys.TAB)
    element = active(signed_in)
    assert element.text == "Skip to main content"
    assert element.size["width"] > 10 and element.location["x"] >= 0
    press(signed_in, Keys.ENTER)
    assert active(signed_in).get_attribute("id") == "main-content"


def test_keyboard_only_new_assessment(signed_in, server):
    """Start an assessment with the keyboard alone: an error first, then success."""
    signed_in.get(server.base + "/")
    button = tab_to(signed_in, lambda e: e.text == "Create the assessment")
    assert button.value_of_css_property("outline-style") != "none"
    wait_for_new_page(signed_in, lambda: press(signed_in, Keys.ENTER))
    summary = active(signed_in)
    assert "pia-error-summary" in summary.get_attribute("class"), "focus moves to the error summary"
    press(signed_in, Keys.TAB)
    assert active(signed_in).get_attribute("href").endswith("#title")
    press(signed_in, Keys.ENTER)
    assert active(signed_in).get_attribute("id") == "title"
    press(signed_in, "Keyboard pilot")
    press(signed_in, Keys.TAB)
    assert active(signed_in).get_attribute("id") == "name"
    press(signed_in, "keyboard-pilot", Keys.TAB)
    first = active(signed_in)
    assert first.get_attribute("type") == "radio"
    press(signed_in, Keys.SPACE)
    assert first.is_selected()
    tab_to(signed_in, lambda e: e.text == "Create the assessment")
    wait_for_new_page(signed_in, lambda: press(signed_in, Keys.ENTER))
    assert signed_in.current_url == server.base + "/a/keyboard-pilot/"
    assert signed_in.find_element(By.TAG_NAME, "h1").text == "Keyboard pilot"
    assert (server.workspace / "keyboard-pilot.pia.yaml").exists()
    link = tab_to(signed_in, lambda e: e.get_attribute("class") and "pia-task-list__link" in e.get_attribute("class"))
    assert link.value_of_css_property("background-color") == "rgba(255, 221, 0, 1)", "focus is visible"


@pytest.mark.parametrize("kind", ["yes_no", "choice", "multi_choice"])
def test_keyboard_choices(signed_in, server, kind):
    signed_in.get(server.base + f"/_patterns/question-{kind}")
    first = tab_to(signed_in, lambda e: e.get_attribute("name") == "value")
    assert first.value_of_css_property("outline-style") != "none"
    press(signed_in, Keys.SPACE)
    assert first.is_selected()
    if kind != "multi_choice":
        press(signed_in, Keys.ARROW_DOWN)
        assert not first.is_selected()
        assert active(signed_in).is_selected()


@pytest.mark.parametrize("kind", ["text", "long_text", "date", "number"])
def test_keyboard_text_fields(signed_in, server, kind):
    signed_in.get(server.base + f"/_patterns/question-{kind}")
    field = tab_to(signed_in, lambda e: e.get_attribute("id") == "value")
    press(signed_in, "12")
    assert field.get_attribute("value") == "12"
    label = signed_in.find_element(By.CSS_SELECTOR, "label[for=value]")
    assert label.find_element(By.XPATH, "..").tag_name == "h1"


def test_users_file_sign_in_form(driver, tmp_path):
    """--users: the sign-in form, by keyboard; a wrong password shows the error summary."""
    import subprocess
    from conftest import ROOT
    import os
    users = tmp_path / "users"
    binary = os.environ.get("PIA", str(ROOT / ".build" / "debug" / "pia"))
    subprocess.run([binary, "serve", "add-user", "clerk", "--users", str(users)],
                   input="a long password\n", text=True, check=True, cwd=ROOT)
    assert oct(users.stat().st_mode & 0o777) == "0o600"
    workspace = tmp_path / "ws"
    workspace.mkdir()
    running = start_server(workspace, ["--users", str(users)])
    try:
        driver.delete_all_cookies()
        driver.get(running.base + "/")
        assert driver.current_url == running.base + "/login"
        assert axe_problems(driver) == []
        tab_to(driver, lambda e: e.get_attribute("id") == "user")
        press(driver, "clerk", Keys.TAB, "wrong password")
        wait_for_new_page(driver, lambda: press(driver, Keys.ENTER))
        assert driver.title.startswith("Error: ")
        assert axe_problems(driver) == []
        driver.find_element(By.ID, "password").send_keys("a long password")
        wait_for_new_page(driver, lambda: press(driver, Keys.ENTER))
        assert driver.current_url == running.base + "/"
        assert "Signed in as clerk" in driver.page_source
    finally:
        stop_server(running)
