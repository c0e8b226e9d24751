"""The web interview in headless Chromium, by keyboard alone: the whole
AI-assistant interview from a new assessment to its documents, going back
to change an answer and seeing the risk move, adding and removing a data
flow, the conflict page from two tabs, and axe-core on every page type the
interview shows (0 serious or critical violations)."""

import os
import pathlib
import re
import shutil
import subprocess
import time
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, wait_for_new_page
from test_pages import active, axe_problems, press, tab_to

# The answers the walk gives where the first choice is not wanted (by keyboard:
# the number of arrow presses after selecting the first radio).
CHOICE_STEPS = {"personal_information": 2, "plan_tier": 3}
DATES = {"assessment_date": "2026-03-02", "law_checked_date": "2026-02-27",
         "next_review_date": "2027-03-01"}
NUMBERS = {"custom_retention_days": "90"}
seen_page_types = set()


def check_axe(driver, kind):
    """Runs axe once per page type."""
    if kind in seen_page_types:
        return
    seen_page_types.add(kind)
    problems = axe_problems(driver)
    assert problems == [], f"{kind} at {driver.current_url}:\n" + "\n".join(problems)


def question_id(driver):
    match = re.search(r"/q/([a-z0-9_]+)", driver.current_url)
    return match.group(1) if match else None


def submit(driver, text="Save and continue"):
    tab_to(driver, lambda e: e.tag_name == "button" and e.text == text)
    wait_for_new_page(driver, lambda: press(driver, Keys.ENTER))


def is_date_field(driver, field):
    """A date question: its hint asks for YYYY-MM-DD (questions added to the questionnaire
    after DATES was written, like vendor_facts_checked, are answered too)."""
    for hint in (field.get_attribute("aria-describedby") or "").split():
        if "YYYY-MM-DD" in driver.find_element(By.ID, hint).text:
            return True
    return False


def answer_by_keyboard(driver):
    """Answers the question on the page with the keyboard and saves it."""
    qid = question_id(driver)
    field = driver.find_elements(By.CSS_SELECTOR, "[name=value]")
    kind = field[0].get_attribute("type") if field else None
    if field and field[0].tag_name == "textarea":
        kind = "textarea"
    check_axe(driver, f"question-{kind}")
    first = tab_to(driver, lambda e: e.get_attribute("name") == "value")
    if kind == "radio":
        if not first.is_selected():
            press(driver, Keys.SPACE)
        for _ in range(CHOICE_STEPS.get(qid, 0)):
            press(driver, Keys.ARROW_DOWN)
        assert active(driver).is_selected()
    elif kind == "checkbox":
        if not first.is_selected():
            press(driver, Keys.SPACE)
        assert first.is_selected()
    else:
        first.send_keys(Keys.CONTROL, "a")
        if qid in DATES:
            text = DATES[qid]
        elif qid in NUMBERS:
            text = NUMBERS[qid]
        elif is_date_field(driver, first):
            text = "2026-03-02"
        else:
            text = f"Answer to {qid}"
        press(driver, text)
    submit(driver)
    assert not driver.title.startswith("Error: "), f"{qid} refused: {driver.find_element(By.TAG_NAME, 'main').text}"


def new_assessment(driver, server, name, title):
    """Creates an assessment by keyboard and returns on its overview."""
    driver.get(server.base + "/")
    tab_to(driver, lambda e: e.get_attribute("id") == "title")
    press(driver, title, Keys.TAB, name, Keys.TAB)
    options = driver.find_elements(By.CSS_SELECTOR, "input[name=questionnaire]")
    ai = [o.get_attribute("id") for o in options].index("questionnaire-ai-assistant")
    press(driver, Keys.SPACE, *([Keys.ARROW_DOWN] * ai))
    submit(driver, "Create the assessment")
    assert driver.current_url == f"{server.base}/a/{name}/"


def walk(driver, limit=200):
    """Answers every question from the overview's Continue to check your answers."""
    tab_to(driver, lambda e: e.text == "Continue the assessment")
    wait_for_new_page(driver, lambda: press(driver, Keys.ENTER))
    added = set()
    for _ in range(limit):
        url = driver.current_url
        if url.endswith("/review") or "/review?" in url:
            return added
        group = re.search(r"/g/([a-z_]+)/(\?|$)", url)
        if group:
            check_axe(driver, "group-list")
            if group.group(1) not in added:
                added.add(group.group(1))
                tab_to(driver, lambda e: e.get_attribute("id") == "add-entry")
                wait_for_new_page(driver, lambda: press(driver, Keys.ENTER))
            else:
                submit(driver, "Continue")
            continue
        answer_by_keyboard(driver)
    raise AssertionError("the walk did not reach check your answers")


@pytest.fixture(scope="module")
def walked(signed_in, server):
    """The whole AI-assistant interview, answered by keyboard."""
    new_assessment(signed_in, server, "keyboard-walk", "Keyboard walk")
    flows = walk(signed_in)
    return flows


def test_the_whole_interview_by_keyboard(walked, signed_in, server):
    assert walked == {"system_inventory", "data_flows"}, "a system and a data flow were added"
    check_axe(signed_in, "review")
    assert "Still to answer" not in signed_in.page_source
    text = (server.workspace / "keyboard-walk.pia.yaml").read_text()
    assert "personal_information: identifiable" in text
    assert "data_element: Answer to data_element" in text
    assert "system_name: Answer to system_name" in text
    assert "system: system_inventory-1" in text, "the data flow picked the system listed"
    score = subprocess.run(
        [os.environ.get("PIA", str(ROOT / ".build/debug/pia")), "interview", "ai-assistant",
         "--answers", str(server.workspace / "keyboard-walk.pia.yaml"), "--non-interactive"],
        capture_output=True, text=True, cwd=ROOT)
    assert score.returncode == 0, score.stdout + score.stderr
    assert "Every question that applies is answered." in score.stdout


def test_overview_and_history_pages(walked, signed_in, server):
    signed_in.get(server.base + "/a/keyboard-walk/")
    assert "Every question that applies is answered." in signed_in.page_source
    check_axe(signed_in, "overview-complete")
    signed_in.get(server.base + "/a/keyboard-walk/history")
    check_axe(signed_in, "history")
    tab_to(signed_in, lambda e: e.get_attribute("id") == "reason")
    press(signed_in, "Scope widened to the records system")
    submit(signed_in, "Start the revision")
    assert "Revision started" in signed_in.page_source
    signed_in.get(server.base + "/a/keyboard-walk/q/ai_tasks")
    tab_to(signed_in, lambda e: e.get_attribute("id") == "value-policies_bylaws")
    press(signed_in, Keys.SPACE)
    submit(signed_in)
    signed_in.get(server.base + "/a/keyboard-walk/history/diff?from=1")
    assert "Changes from version 1 to version 2 (current)" in signed_in.page_source
    check_axe(signed_in, "diff")


def test_download_the_docx_and_check_it(walked, signed_in, server, tmp_path):
    cookie = next(c for c in signed_in.get_cookies() if c["name"] == "pia_session")
    for ext in ("md", "docx"):
        name = f"keyboard-walk.pia-report.{ext}"
        request = urllib.request.Request(
            f"{server.base}/a/keyboard-walk/documents/pia-report.{ext}",
            headers={"Cookie": f"pia_session={cookie['value']}"})
        with urllib.request.urlopen(request) as response:
            assert response.status == 200
            assert f'filename="{name}"' in response.headers["Content-Disposition"]
            (tmp_path / name).write_bytes(response.read())
    check = subprocess.run(["bash", str(ROOT / "scripts/check-docx.sh"),
                            str(tmp_path / "keyboard-walk.pia-report.docx")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_go_back_change_an_answer_and_see_the_risk_move(signed_in, server):
    shutil.copy(ROOT / "Examples" / "safe-admin-pilot.pia.yaml",
                server.workspace / "go-back.pia.yaml")
    signed_in.get(server.base + "/a/go-back/q/consumer_training_opt_out")
    assert "does not apply" in signed_in.page_source
    check_axe(signed_in, "not-applicable")
    signed_in.get(server.base + "/a/go-back/q/personal_accounts")
    back = tab_to(signed_in, lambda e: e.text == "Back")
    assert back.get_attribute("href").endswith("/a/go-back/q/plan_tier")
    wait_for_new_page(signed_in, lambda: press(signed_in, Keys.ENTER))
    assert question_id(signed_in) == "plan_tier"
    tab_to(signed_in, lambda e: e.get_attribute("id") == "value-team")
    press(signed_in, Keys.ARROW_UP, Keys.ARROW_UP, Keys.ARROW_UP)
    assert active(signed_in).get_attribute("id") == "value-free"
    submit(signed_in)
    notice = signed_in.find_element(By.CSS_SELECTOR, ".pia-notice")
    assert "Answer saved" in notice.text
    assert re.search(r"Overall residual risk: \w+ → \w+", notice.text), notice.text
    assert "plan_tier: free" in (server.workspace / "go-back.pia.yaml").read_text()
    check_axe(signed_in, "question-with-notice")


def test_add_and_remove_a_data_flow(signed_in, server):
    shutil.copy(ROOT / "Examples" / "personal-account-pilot.pia.yaml",
                server.workspace / "flows.pia.yaml")
    signed_in.get(server.base + "/a/flows/g/data_flows/")
    before = len(signed_in.find_elements(By.CSS_SELECTOR, ".pia-summary-list__row"))
    submit(signed_in, "Add another data flow" if before else "Add a data flow")
    assert "/data_element" in signed_in.current_url
    field = tab_to(signed_in, lambda e: e.get_attribute("id") == "value")
    press(signed_in, "Meeting transcripts")
    submit(signed_in)
    back = tab_to(signed_in, lambda e: e.text == "Back")
    wait_for_new_page(signed_in, lambda: press(signed_in, Keys.ENTER))
    back = tab_to(signed_in, lambda e: e.text == "Back")
    wait_for_new_page(signed_in, lambda: press(signed_in, Keys.ENTER))
    assert signed_in.current_url.endswith("/a/flows/g/data_flows/")
    rows = signed_in.find_elements(By.CSS_SELECTOR, ".pia-summary-list__row")
    assert len(rows) == before + 1
    assert "Meeting transcripts" in rows[-1].text
    tab_to(signed_in, lambda e: e.text.startswith("Remove") and "Meeting transcripts" in e.text)
    wait_for_new_page(signed_in, lambda: press(signed_in, Keys.ENTER))
    check_axe(signed_in, "group-remove")
    tab_to(signed_in, lambda e: e.get_attribute("id") == "value-yes")
    press(signed_in, Keys.SPACE)
    submit(signed_in, "Continue")
    assert "Data flow removed" in signed_in.page_source
    assert len(signed_in.find_elements(By.CSS_SELECTOR, ".pia-summary-list__row")) == before
    assert "Meeting transcripts" not in (server.workspace / "flows.pia.yaml").read_text()


def test_the_conflict_page_from_two_tabs(signed_in, server):
    shutil.copy(ROOT / "Examples" / "safe-admin-pilot.pia.yaml",
                server.workspace / "two-tabs.pia.yaml")
    url = server.base + "/a/two-tabs/q/ai_product"
    signed_in.get(url)
    first = signed_in.current_window_handle
    signed_in.switch_to.new_window("tab")
    signed_in.get(url)
    second = signed_in.current_window_handle
    signed_in.switch_to.window(first)
    field = tab_to(signed_in, lambda e: e.get_attribute("id") == "value")
    field.send_keys(Keys.CONTROL, "a")
    press(signed_in, "Typed in the first tab")
    submit(signed_in)
    signed_in.switch_to.window(second)
    field = tab_to(signed_in, lambda e: e.get_attribute("id") == "value")
    field.send_keys(Keys.CONTROL, "a")
    press(signed_in, "Typed in the second tab")
    submit(signed_in)
    assert "This answer changed while you were editing it" in signed_in.page_source
    assert "Typed in the first tab" in signed_in.find_element(By.CSS_SELECTOR, ".pia-summary-list").text
    assert signed_in.find_element(By.ID, "value").get_attribute("value") == "Typed in the second tab"
    check_axe(signed_in, "conflict")
    assert "Typed in the first tab" in (server.workspace / "two-tabs.pia.yaml").read_text()
    submit(signed_in, "Save my answer")
    assert "Answer saved" in signed_in.page_source
    assert "Typed in the second tab" in (server.workspace / "two-tabs.pia.yaml").read_text()
    signed_in.close()
    signed_in.switch_to.window(first)


def test_an_invalid_answer_shows_the_error_summary(signed_in, server):
    shutil.copy(ROOT / "Examples" / "safe-admin-pilot.pia.yaml",
                server.workspace / "invalid.pia.yaml")
    signed_in.get(server.base + "/a/invalid/q/assessment_date")
    field = tab_to(signed_in, lambda e: e.get_attribute("id") == "value")
    field.send_keys(Keys.CONTROL, "a")
    press(signed_in, "2026-02-30")
    submit(signed_in)
    assert signed_in.title.startswith("Error: ")
    assert "pia-error-summary" in active(signed_in).get_attribute("class")
    check_axe(signed_in, "question-error")


@pytest.mark.skipif(not os.environ.get("PIA_SCREENSHOTS"), reason="set PIA_SCREENSHOTS=DIR")
def test_screenshots(signed_in, server):
    """Screenshots for the README: the overview and a question page."""
    folder = pathlib.Path(os.environ["PIA_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "Examples" / "safe-admin-pilot.pia.yaml",
                server.workspace / "town-pilot.pia.yaml")
    signed_in.set_window_size(1100, 1400)
    signed_in.get(server.base + "/a/town-pilot/")
    signed_in.save_screenshot(str(folder / "serve-overview.png"))
    signed_in.set_window_size(1100, 1080)
    signed_in.get(server.base + "/a/town-pilot/q/plan_tier")
    signed_in.save_screenshot(str(folder / "serve-question.png"))
    signed_in.set_window_size(1000, 900)


def test_axe_ran_on_every_page_type_of_the_interview():
    """The tests above ran axe on each page type the interview shows (test_pages.py covers the
    workspace, the overview of an example, sign-in, error pages and the pattern pages)."""
    expected = {
        "question-radio", "question-checkbox", "question-text", "question-textarea",
        "question-error", "question-with-notice", "not-applicable", "group-list", "group-remove",
        "review", "overview-complete", "history", "diff", "conflict",
    }
    assert expected <= seen_page_types, f"not checked: {sorted(expected - seen_page_types)}"
