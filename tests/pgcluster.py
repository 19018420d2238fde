"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary directory,
a server listening only on a Unix socket there (no TCP), one database, a URL to it.

Run as root (as CI does), the server runs as the unprivileged ``postgres`` user (initdb
refuses root) through ``runuser``; run as anyone else, as that user.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote


def server_binaries() -> tuple[Path, Path] | str:
    """``initdb`` and ``pg_ctl``, or the reason there are none."""
    found = []
    for name in ("initdb", "pg_ctl"):
        path = shutil.which(name)
        if path is None:
            candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
            path = candidates[-1] if candidates else None
        if path is None:
            return (f"no PostgreSQL server binary ({name}) on this machine: "
                    "apt-get install -y postgresql")
        found.append(Path(path))
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError as exc:
        return f"psycopg is not installed ({exc}): pip install -e '.[test]'"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: cannot start PostgreSQL as another user"
    return found[0], found[1]


class Cluster:
    """A running throwaway cluster; :meth:`stop` ends it and removes its directory."""

    def __init__(self, initdb: Path, pg_ctl: Path, fsync: bool = False) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="qhpg-"))
        self._pg_ctl = pg_ctl
        self._as: list[str] = []
        if os.geteuid() == 0:
            import pwd

            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._run([str(initdb), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                   "--no-sync", "-E", "UTF8", "--locale=C"])
        options = f"-c listen_addresses='' -k {self.root} -c fsync={'on' if fsync else 'off'}"
        self._run([str(pg_ctl), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                   "-o", options, "start"])
        self.started = True

    def _run(self, words: list[str]) -> None:
        done = subprocess.run([*self._as, *words], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text() if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(words)} failed:\n{done.stdout}{done.stderr}{log}")

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        """A URL to ``database`` over the cluster's socket."""
        return f"postgresql://{quote(user)}@/{database}?host={quote(str(self.root), safe='')}"

    def create_database(self, name: str) -> str:
        """Create the database ``name``; returns its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            self.started = False
            try:
                self._run([str(self._pg_ctl), "-D", str(self.data), "-m", "fast", "-w",
                           "stop"])
            finally:
                shutil.rmtree(self.root, ignore_errors=True)
