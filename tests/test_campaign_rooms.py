"""Issue 17, "done when", end to end: two training rooms (two real ``quizhall serve --campaign``
processes on two ports of 127.0.0.1) and a hall, all on one real PostgreSQL, feed one campaign
leaderboard, shown by ``quizhall campaign leaderboard`` and exported to XLSX.

In each room a headless Chromium signs in as its own trainee, chooses a unit on the sign-in
screen and answers questions through the served page. The hall runs its contest offline on its
own data directory and reports in with ``quizhall sync``. Room two is given the database URL,
with a password, only in its environment: the password must show nowhere (no process's command
line, the room's output, its page).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from servekit import Page, chromium, free_port, quizhall_env, running, serving, wait_for

from quizhall.cli import main
from quizhall.practice import History
from quizhall.store import open_store

DEMO = Path(__file__).resolve().parents[1] / "question_banks"
CAMPAIGN_ID = "policy-rooms"
# Judge questions only: their options are never shuffled, so the keys typed are known to be
# right or wrong. j3 is outside the campaign's level: answered, kept, not counted.
BANK = """\
bank: {id: rooms, title: 劳动法闯关}
levels:
  - {id: L1, title: 第一关 劳动合同, tags: [合同]}
  - {id: L2, title: 第二关 安全生产, tags: [安全]}
questions:
  - {id: j1, type: judge, stem: 劳动合同应当以书面形式订立。, answer: 对, tags: [合同]}
  - {id: j2, type: judge, stem: 用人单位可以扣押劳动者身份证。, answer: 错, tags: [合同]}
  - {id: j3, type: judge, stem: 特种作业人员须持证上岗。, answer: 对, tags: [安全]}
"""
UNITS = ["市总工会", "市总工会/办公室", "区工会"]
SECRET = "rooms-secret-7Q"


def write_campaign(folder: Path) -> Path:
    """The campaign and its bank; open now (the served app uses the real clock)."""
    folder.mkdir(parents=True)
    (folder / "rooms.yaml").write_text(BANK, encoding="utf-8")
    today = datetime.now(UTC).date()
    path = folder / "rooms.campaign.yaml"
    path.write_text(f"""\
campaign:
  id: {CAMPAIGN_ID}
  title: 两个培训室的政策闯关
  opens: {today - timedelta(days=1)}
  closes: {today + timedelta(days=1)}
  timezone: UTC
banks: [rooms.yaml]
levels: [rooms/L1]
units: [{", ".join(UNITS)}]
""", encoding="utf-8")
    return path


def sign_in(page: Page, name: str, unit: str) -> None:
    """Name, then the unit from the campaign's list with the keyboard, then the button."""
    from selenium.webdriver.common.keys import Keys

    page.type(*name, Keys.ENTER)  # the unit is still to choose: the list gets the focus
    page.type(Keys.ENTER)  # open it: the prompt, then the units in the campaign's order
    page.type(*[Keys.DOWN] * (UNITS.index(unit) + 1), Keys.ENTER)
    page.type(Keys.TAB, Keys.ENTER)  # the sign-in button


def answer(page: Page, *letters: str) -> None:
    """Practice from the start screen, in order: a (对) or b (错) for each question."""
    from selenium.webdriver.common.keys import Keys

    page.type("1", "s")  # practice, start (sequential: j1, j2, j3)
    for letter in letters:
        page.type(letter, Keys.ENTER, Keys.ENTER)  # answer, submit, next


def test_two_served_rooms_and_a_hall_feed_one_leaderboard(tmp_path, postgres_url, monkeypatch,
                                                          capsys):
    monkeypatch.setenv("QUIZHALL_STORE", postgres_url)  # restored after the test
    assert main(["--store", postgres_url, "campaign", "create",
                 str(write_campaign(tmp_path / "files"))]) == 0
    capsys.readouterr()
    secret_url = postgres_url.replace("postgresql://postgres@", f"postgresql://postgres:{SECRET}@")
    assert secret_url != postgres_url  # trust authentication: the password is never asked for

    ports = free_port(), free_port()
    while ports[1] == ports[0]:
        ports = ports[0], free_port()
    room = ["--lang", "en", "serve", "--campaign", CAMPAIGN_ID, "--host", "127.0.0.1"]
    outputs = tmp_path / "room1.out", tmp_path / "room2.out"
    sessions = f"{tmp_path / 'files' / 'rooms.yaml'} --sign-in"  # the sessions' command lines

    with (open_store(postgres_url) as store,
          serving(["--store", postgres_url, *room, "--port", str(ports[0])], ports[0],
                  outputs[0]),
          serving([*room, "--port", str(ports[1])], ports[1], outputs[1],
                  env=quizhall_env(QUIZHALL_STORE=secret_url)),
          chromium(tmp_path / "chromium1") as browser1,
          chromium(tmp_path / "chromium2") as browser2):

        def counted(user: str) -> tuple[str, int, int] | None:
            member = store.campaigns.member(CAMPAIGN_ID, user)
            return None if member is None else (member.unit, member.answers, member.correct)

        page1 = Page(browser1, f"http://127.0.0.1:{ports[0]}/")
        page2 = Page(browser2, f"http://127.0.0.1:{ports[1]}/")
        sign_in(page1, "E701", "市总工会/办公室")
        sign_in(page2, "E702", "区工会")
        wait_for(lambda: counted("E701") == ("市总工会/办公室", 0, 0), "E701 to join in room 1")
        wait_for(lambda: counted("E702") == ("区工会", 0, 0), "E702 to join in room 2")
        answer(page1, "a", "a")  # j1 right, j2 wrong
        answer(page2, "a", "b", "a")  # j1 right, j2 right, j3 right but outside the campaign
        wait_for(lambda: counted("E701") == ("市总工会/办公室", 2, 1), "room 1's answers counted")
        wait_for(lambda: len(History(store.read_trainee_db("E702")).answers("E702")) == 3,
                 "room 2's answers stored")
        assert counted("E702") == ("区工会", 2, 2)
        # Both sessions' apps are running now, and no command line holds the password.
        assert len(running(sessions)) >= 2
        assert running(SECRET) == []
        assert SECRET not in page2.driver.page_source  # nor the page's HTML

    for output in outputs:
        text = output.read_text(encoding="utf-8")
        assert "the training room is open" in text and SECRET not in text
    assert running(sessions) == []  # no session outlives its room

    # The hall: a contest run offline on its own data directory, then reported in.
    hall = tmp_path / "hall"
    assert main(["--data-dir", str(hall), "rehearse", str(DEMO / "demo.contest.yaml"),
                 "--commands", str(DEMO / "demo.rehearsal.txt")]) == 0
    with open_store(hall) as hall_store:
        (contest,) = hall_store.contests()
    assert main(["--data-dir", str(hall), "--store", postgres_url, "sync", contest.id]) == 0
    capsys.readouterr()

    assert main(["--store", postgres_url, "campaign", "leaderboard", CAMPAIGN_ID, "--json",
                 "--user", "E701"]) == 0
    board = json.loads(capsys.readouterr().out)
    assert [(p["rank"], p["user"], p["unit"], p["answers"], p["correct"])
            for p in board["people"]] == [(1, "E702", "区工会", 2, 2),
                                          (2, "E701", "市总工会/办公室", 2, 1)]
    assert [(u["unit"], u["members"], u["answers"], u["correct"]) for u in board["units"]] == [
        ("区工会", 1, 2, 2), ("市总工会", 1, 2, 1), ("市总工会/办公室", 1, 2, 1)]
    assert board["user"] == {"user": "E701", "rank": 2}
    assert main(["--store", postgres_url, "campaign", "recount", CAMPAIGN_ID]) == 0
    assert "recounted 2 members from their answers; 0 changed" in capsys.readouterr().out

    workbook = tmp_path / "board.xlsx"
    assert main(["--store", postgres_url, "export", "--campaign", CAMPAIGN_ID, "-o",
                 str(workbook)]) == 0
    capsys.readouterr()
    people = load_workbook(workbook).worksheets[0]
    header, *rows = [[cell.value for cell in row] for row in people.iter_rows()]
    columns = [header.index(name) for name in ("Rank", "Trainee", "Unit", "Answers", "Right")]
    assert [[row[i] for i in columns] for row in rows] == [[1, "E702", "区工会", 2, 2],
                                                           [2, "E701", "市总工会/办公室", 2, 1]]

    assert main(["--store", postgres_url, "contests", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [contest.id]
