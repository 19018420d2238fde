"""The phone page in a real browser: Debian's headless Chromium, driven through chromedriver.

These tests need ``chromium`` and ``chromium-driver`` (apt). Without them they are skipped on
a developer's machine, and FAIL under CI (``CI=true``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import asyncio

import pytest
from audience_helpers import demo_on_question, serving, settings
from servekit import chromium

from quizhall.contest import Command, Contest, ManualClock, MemoryLog, load_contest
from quizhall.web.hall import AudienceHall

HTML_BANK = """\
bank: {id: html, title: HTML 题}
questions:
  - id: q1
    type: single
    stem: "<script>window.pwned = 1</script><b>粗体</b> 与 &amp; 哪一项？"
    options: {A: "<img src=x onerror='window.pwned = 2'>", B: "<i>斜体</i>"}
    answer: B
"""
HTML_CONTEST = """\
title: HTML
banks: [html.yaml]
teams:
  - {name: 红队, members: [红一]}
  - {name: 蓝队, members: [蓝一]}
rounds:
  - {type: required, questions: {ids: [q1]}}
"""

@pytest.fixture
def browser(tmp_path):
    with chromium(tmp_path / "chromium") as driver:
        yield driver


async def _in_browser(function, *args):
    # Selenium blocks: run it beside the loop, which plays the host (it flushes the answers).
    return await asyncio.to_thread(function, *args)


def _wait(driver, condition, seconds: float = 15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(condition)


def _join(driver, url: str, nickname: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url)
    _wait(driver, lambda d: d.find_element(By.ID, "join").is_displayed())
    assert driver.find_element(By.ID, "code").get_attribute("value") == "4321"  # from the QR
    driver.find_element(By.ID, "nickname").send_keys(nickname)
    driver.find_element(By.ID, "join-button").click()
    _wait(driver, lambda d: d.find_element(By.ID, "play").is_displayed())


def _options(driver) -> list:
    from selenium.webdriver.common.by import By

    return _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#options button"))


async def test_a_phone_joins_answers_and_the_answer_is_in_the_log(browser):
    from selenium.webdriver.common.by import By

    hall = AudienceHall(demo_on_question(), settings(), host="127.0.0.1", port=0)
    async with serving(hall):
        await _in_browser(_join, browser, hall.join_url, "小王")
        assert hall.board.members["d1"].nickname == "小王"
        await _in_browser(_wait, browser, lambda d: hall.server.sockets == 1)
        hall.send()  # pushed to the phone on its websocket
        buttons = await _in_browser(_options, browser)
        letter = buttons[0].get_attribute("data-letter")
        await _in_browser(buttons[0].click)
        status = await _in_browser(
            _wait, browser,
            lambda d: d.find_element(By.ID, "status").text if "Answer received"
            in d.find_element(By.ID, "status").text else False)
        assert letter in status
    answers = [e for e in hall.contest.log.read() if e["type"] == "audience_answered"]
    assert [(e["device"], e["choice"]) for e in answers] == [("d1", letter)]


async def test_a_stem_with_html_shows_literally(browser, tmp_path):
    from selenium.webdriver.common.by import By

    (tmp_path / "html.yaml").write_text(HTML_BANK, encoding="utf-8")
    (tmp_path / "html.contest.yaml").write_text(HTML_CONTEST, encoding="utf-8")
    load = load_contest(tmp_path / "html.contest.yaml")
    assert load.ok, [d.format() for d in load.diagnostics]
    contest = Contest.start(load.plan, MemoryLog(), ManualClock(1000.0),
                            questions=load.questions)
    contest.execute(Command("next"))
    contest.execute(Command("next"))
    hall = AudienceHall(contest, settings(), host="127.0.0.1", port=0)
    async with serving(hall):
        await _in_browser(_join, browser, hall.join_url, "<b>me</b>")
        hall.send()
        buttons = await _in_browser(_options, browser)
        stem = browser.find_element(By.ID, "stem")
        assert stem.text == "1. <script>window.pwned = 1</script><b>粗体</b> 与 &amp; 哪一项？"
        assert stem.find_elements(By.CSS_SELECTOR, "*") == []  # no element was made
        assert [b.text for b in buttons] == ["A. <img src=x onerror='window.pwned = 2'>",
                                             "B. <i>斜体</i>"]
        assert browser.execute_script("return window.pwned === undefined")
        assert browser.find_element(By.ID, "me").text.startswith("<b>me</b>")


async def test_a_browser_without_websocket_falls_back_to_long_polling(browser):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                            {"source": "delete window.WebSocket; window.WebSocket = undefined;"})
    hall = AudienceHall(demo_on_question(), settings(), host="127.0.0.1", port=0)
    async with serving(hall):
        await _in_browser(_join, browser, hall.join_url, "老手机")
        hall.send()
        buttons = await _in_browser(_options, browser)
        letter = buttons[-1].get_attribute("data-letter")
        await _in_browser(buttons[-1].click)
        await _in_browser(_wait, browser,
                          lambda d: "Answer received" in d.find_element(By.ID, "status").text)
        assert hall.server.sockets == 0  # it never had one: the long poll carried it
    answers = [e for e in hall.contest.log.read() if e["type"] == "audience_answered"]
    assert [(e["device"], e["choice"]) for e in answers] == [("d1", letter)]
