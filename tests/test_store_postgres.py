"""The PostgreSQL store from the command line and what only a shared database needs: choosing
it (--store, QUIZHALL_STORE, the config file), schema migrations, the password never shown,
a read-only role for reports, ``quizhall sync`` from a hall's laptop, the projector following
with LISTEN/NOTIFY, and a writer that lost its lock writing nothing."""

import json
import os
import threading

import pytest
from test_rehearse_cli import SCRIPT, write

from quizhall import cli
from quizhall.store import StoreError, open_store

PASSWORD = "s3cret-Pa55"  # the test cluster trusts local users, so any password works


def main(argv):
    """The command, as its own process would run it: what ``--store`` puts in the
    environment (for child processes) does not outlive it."""
    before = os.environ.get("QUIZHALL_STORE")
    try:
        return cli.main(argv)
    finally:
        if before is None:
            os.environ.pop("QUIZHALL_STORE", None)
        else:
            os.environ["QUIZHALL_STORE"] = before


def with_password(url):
    return url.replace("postgresql://postgres@", f"postgresql://postgres:{PASSWORD}@")


def rehearse(tmp_path, capsys, *store):
    contest = write(tmp_path)
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    assert main([*store, "rehearse", str(contest), "--commands", str(script), "--json"]) == 0
    captured = capsys.readouterr()
    return captured.err.strip().rsplit(" ", 1)[-1], json.loads(captured.out)


def test_a_contest_rehearsed_on_the_database_is_listed_and_folded_there(
        tmp_path, capsys, postgres_url):
    url = with_password(postgres_url)
    contest_id, final = rehearse(tmp_path, capsys, "--store", url)
    assert main(["--store", url, "contests", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(c["id"], c["events"]) for c in listed] == [(contest_id, final["events"])]
    assert main(["--store", url, "results", contest_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["teams"] == final["teams"]
    assert main(["contests", "--json"]) == 0  # the data directory knows nothing of it
    assert json.loads(capsys.readouterr().out) == []


def test_the_environment_and_the_config_file_choose_the_database(
        tmp_path, capsys, postgres_url, monkeypatch):
    contest_id, _ = rehearse(tmp_path, capsys, "--store", postgres_url)
    monkeypatch.setenv("QUIZHALL_STORE", postgres_url)
    monkeypatch.delenv("QUIZHALL_DATA_DIR")
    assert main(["contests", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [contest_id]
    monkeypatch.delenv("QUIZHALL_STORE")
    config = tmp_path / "quizhall.toml"
    config.write_text(f'store = "{postgres_url}"\n', encoding="utf-8")
    monkeypatch.setenv("QUIZHALL_CONFIG", str(config))
    assert main(["contests", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [contest_id]
    assert main(["--data-dir", str(tmp_path / "hall"), "contests", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # a directory named beats the file


def test_the_password_never_appears_in_output(tmp_path, capsys, postgres_url):
    url = with_password(postgres_url)
    rehearse(tmp_path, capsys, "--store", url)
    assert main(["--store", url, "contests"]) == 0
    assert main(["--store", url, "results", "no-such-contest"]) == 1
    missing = url.replace("/quizhall_test_", "/no_such_database_")
    assert main(["--store", missing, "contests"]) == 1
    captured = capsys.readouterr()
    assert PASSWORD not in captured.out + captured.err
    assert "no_such_database_" in captured.err and "postgres:***@" in captured.err


def test_a_writer_refused_by_the_database_names_the_holder_without_the_password(
        tmp_path, capsys, postgres_url, monkeypatch):
    url = with_password(postgres_url)
    contest_id, _ = rehearse(tmp_path, capsys, "--store", url)
    monkeypatch.setattr("sys.argv", ["quizhall", "--store", url, "run", "x.yaml"])
    with open_store(url) as holder:
        holder.open_log(contest_id)
        with open_store(url) as other, pytest.raises(StoreError) as refused:
            other.open_log(contest_id)
    assert "quizhall --store postgresql://postgres:***@" in str(refused.value)
    assert PASSWORD not in str(refused.value)


def test_migrations_make_the_tables_once(postgres_url):
    import psycopg

    from quizhall.store.postgres import migration_ids

    open_store(postgres_url).close()
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url) as conn:
        applied = [row[0] for row in conn.execute("SELECT migration_id FROM _yoyo_migration")]
        tables = {row[0] for row in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}
    assert applied == migration_ids() == ["0001.initial", "0002.campaigns"]
    assert {"contests", "contest_events", "trainees", "trainee_documents", "writers",
            "campaigns", "campaign_members", "campaign_units", "campaign_scores"} <= tables


def test_reports_read_with_a_role_that_cannot_write(tmp_path, capsys, postgres_url):
    import psycopg

    contest_id, final = rehearse(tmp_path, capsys, "--store", postgres_url)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE ROLE organiser_reports LOGIN")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO organiser_reports")
    reader = postgres_url.replace("postgresql://postgres@", "postgresql://organiser_reports@")
    assert main(["--store", reader, "results", contest_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["teams"] == final["teams"]
    assert main(["--store", reader, "contests", "--json"]) == 0
    capsys.readouterr()
    contest = write(tmp_path)
    script = tmp_path / "script.txt"
    assert main(["--store", reader, "rehearse", str(contest), "--commands", str(script)]) == 1
    assert "refused this (the role may be read-only)" in capsys.readouterr().err
    with open_store(postgres_url) as store:
        assert [r.id for r in store.contests()] == [contest_id]


def test_sync_pushes_a_hall_contest_once(tmp_path, capsys, postgres_url):
    contest_id, final = rehearse(tmp_path, capsys)  # on this laptop's data directory
    assert main(["sync", contest_id, "--store", postgres_url]) == 0
    assert f"pushed {final['events']} events" in capsys.readouterr().out
    assert main(["sync", contest_id, "--store", postgres_url]) == 0
    assert f"already has all {final['events']} events" in capsys.readouterr().out
    assert main(["--store", postgres_url, "results", contest_id, "--json"]) == 0
    pushed = json.loads(capsys.readouterr().out)
    assert main(["results", contest_id, "--json"]) == 0
    assert pushed == json.loads(capsys.readouterr().out)


def test_sync_pushes_only_what_was_recorded_since(tmp_path, capsys, postgres_url):
    contest_id, final = rehearse(tmp_path, capsys)
    assert main(["sync", contest_id, "--store", postgres_url]) == 0
    capsys.readouterr()
    contest = write(tmp_path)
    more = tmp_path / "more.txt"
    more.write_text("next\n", encoding="utf-8")
    assert main(["rehearse", str(contest), "--commands", str(more), "--resume", contest_id,
                 "--json"]) == 0
    resumed = json.loads(capsys.readouterr().out)
    assert main(["sync", contest_id, "--store", postgres_url]) == 0
    added = resumed["events"] - final["events"]
    assert f"pushed {added} events" in capsys.readouterr().out
    with open_store(postgres_url) as store:
        assert store.contest(contest_id).events == resumed["events"]


def test_sync_refuses_a_database_whose_events_differ(tmp_path, capsys, postgres_url):
    contest_id, _ = rehearse(tmp_path, capsys)
    assert main(["sync", contest_id, "--store", postgres_url]) == 0
    capsys.readouterr()
    with open_store(postgres_url) as store:
        log = store.open_log(contest_id)
        log.append({"type": "score_adjusted", "team": "红队", "delta": 5, "reason": "x"})
        log.close()
    events = store_events(postgres_url, contest_id)
    with open_store() as laptop:
        laptop.set_status(contest_id, "finished")
    assert main(["sync", contest_id, "--store", postgres_url]) == 1
    assert "already has" in capsys.readouterr().err
    assert store_events(postgres_url, contest_id) == events


def store_events(url, contest_id):
    with open_store(url) as store:
        return store.open_log(contest_id, writer=False).read()


def test_sync_needs_a_database(tmp_path, capsys):
    contest_id, _ = rehearse(tmp_path, capsys)
    assert main(["sync", contest_id]) == 2
    assert "--store postgresql://" in capsys.readouterr().err


def test_the_projector_follows_the_database_as_the_host_records(tmp_path, capsys,
                                                                 postgres_url):
    from quizhall.tui.session import Follower

    contest_id, final = rehearse(tmp_path, capsys, "--store", postgres_url)
    with open_store(postgres_url) as store:
        follower = Follower(store, contest_id)
        assert follower.position == final["events"]
        seen = []
        arrived = threading.Event()

        def on_events(events):
            seen.extend(events)
            arrived.set()

        follower.start(on_events, wait=60)  # a LISTEN that only a NOTIFY ends early
        more = tmp_path / "more.txt"
        more.write_text("next\n", encoding="utf-8")
        assert main(["--store", postgres_url, "rehearse", str(write(tmp_path)), "--commands",
                     str(more), "--resume", contest_id, "--json"]) == 0
        assert arrived.wait(60)
        follower.stop()
        recorded = store.open_log(contest_id, writer=False).read(final["events"])
    assert seen == recorded[:len(seen)] and seen


def test_a_writer_that_lost_its_lock_writes_nothing_more(postgres_url):
    import psycopg

    first = open_store(postgres_url)
    contest_id = first.create_contest("T", {})
    stale = first.open_log(contest_id)
    stale.append({"type": "a"})
    with psycopg.connect(postgres_url, autocommit=True) as admin:  # the lock's session dies
        admin.execute("SELECT pg_terminate_backend(%s)",
                      (first._lock_conn.info.backend_pid,))
    second = open_store(postgres_url)
    with second.open_log(contest_id) as taken:
        taken.append({"type": "b"})
        with pytest.raises(StoreError, match="no longer ours"):
            stale.append({"type": "stale"})
        assert [e["type"] for e in taken.read()] == ["a", "b"]
    first.close()
    second.close()


def test_urls_are_shown_without_their_password():
    from quizhall.store.location import redact, redact_words

    assert redact("postgresql://app:pw%40x@db.example.org:5432/quizhall?sslmode=require") == \
        "postgresql://app:***@db.example.org:5432/quizhall?sslmode=require"
    assert redact("postgresql:///quizhall?host=/run/postgresql&password=pw") == \
        "postgresql:///quizhall?host=/run/postgresql&password=***"
    assert redact_words(["quizhall", "--store=postgres://a:pw@h/d", "postgresql://a:pw@h/d",
                         "contests"]) == ["quizhall", "--store=postgres://a:***@h/d",
                                          "postgresql://a:***@h/d", "contests"]


def test_without_psycopg_a_database_url_says_what_to_install(monkeypatch, capsys):
    monkeypatch.setitem(__import__("sys").modules, "psycopg", None)
    assert main(["--store", f"postgresql://app:{PASSWORD}@db.invalid/quizhall", "contests"]) == 1
    err = capsys.readouterr().err
    assert "pip install 'quizhall[postgres]'" in err and PASSWORD not in err


def test_serve_hands_a_database_to_its_sessions_through_the_environment_only():
    from pathlib import Path

    from quizhall.web.serve import practice_command

    command = practice_command([Path("/banks/labour.yaml")], None, "en")
    assert "--data-dir" not in command and "postgresql" not in command
    assert "practice /banks/labour.yaml --sign-in" in command


def test_an_answer_and_the_campaign_totals_it_counts_toward_commit_together(postgres_url):
    from quizhall.practice.history import AnswerRecord, History
    from quizhall.store.campaigns import Contribution

    at = "2026-12-05T10:00:00+00:00"
    record = AnswerRecord(user="ann", key="b/q1", bank="b", question="q1", mode="practice",
                          given="A", correct=True, credit=1.0, seconds=2.0, at=at)
    store = open_store(postgres_url)
    store.campaigns.save_campaign("c1", {})
    store.campaigns.join("c1", "ann", "工会", at)
    history = History(store.trainee_db("ann"))
    with pytest.raises(RuntimeError), history.together():
        history.add_answer(record)
        store.campaigns.add("c1", "ann", Contribution(at, answers=1, correct=1, points=1.0))
        raise RuntimeError("the app died between the two")
    assert history.answers("ann") == []  # what the app holds in memory agrees
    with open_store(postgres_url) as other:
        assert History(other.read_trainee_db("ann")).answers("ann") == []
        assert other.campaigns.member("c1", "ann").answers == 0
    with history.together():
        history.add_answer(record)
        store.campaigns.add("c1", "ann", Contribution(at, answers=1, correct=1, points=1.0))
    with open_store(postgres_url) as other:
        assert History(other.read_trainee_db("ann")).answers("ann") == [record]
        assert other.campaigns.member("c1", "ann").answers == 1
    store.close()


def test_concurrent_writers_keep_exact_running_totals(postgres_url):
    from quizhall.store.campaigns import Contribution

    at = "2026-12-05T10:00:00+00:00"
    with open_store(postgres_url) as setup:
        setup.campaigns.save_campaign("c1", {})
        for n in range(8):
            setup.campaigns.join("c1", f"t{n}", f"市总工会/{'甲乙'[n % 2]}", at)
    errors = []

    def answer(n):
        try:
            with open_store(postgres_url) as mine:
                for i in range(15):
                    mine.campaigns.add("c1", f"t{n}", Contribution(
                        at, answers=1, correct=i % 2, points=1.0,
                        passed="L1" if i == 7 else None))
        except Exception as exc:  # a deadlock or a lost update would land here
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(postgres_url) as store:
        units = {u.unit: u for u in store.campaigns.units("c1")}
        assert (units["市总工会"].members, units["市总工会"].answers) == (8, 120)
        assert units["市总工会"].passes == {"L1": 8}
        assert units["市总工会/甲"].answers == 60
        assert [rank for rank, _ in store.campaigns.top("c1", 8)] == [1] * 8
        assert store.campaigns.rank("c1", "t3") == 1
