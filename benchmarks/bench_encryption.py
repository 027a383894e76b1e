"""The cost of encryption at rest: a large chat import and the dashboard, encrypted and plain.

Both are measured in the same run, on the same machine, side by side, and given as
ratios (encrypted time / plain time), so a busy machine moves both alike.

- The import: the WhatsApp export from ``generate_whatsapp.py`` (a million messages
  by default) read by ``reciprocity import FILE --me NAME --json`` in a new process into
  a fresh database: a plain file, and one encrypted beforehand with ``reciprocity
  encrypt``. Runs alternate between the two; medians are compared. The encrypted run
  includes unlocking (Argon2id), which is also timed on its own.
- The dashboard: the database of ``bench_web.py`` (200 people, two years of moments,
  chats), then an encrypted copy of it (``services.encryption.encrypt``); the whole app
  in-process with the ASGI test client on each: the dashboard as it is served most of
  the time (patterns kept from the request before), the first dashboard after another
  process wrote (everyone's patterns read again from the file), and person pages.

    python3 benchmarks/bench_encryption.py [--messages N] [--web-messages N] [--runs R]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PASSPHRASE = "a passphrase for the benchmark"
ME = "Alice Martin"


def reciprocity(url: str, *args: str, secret: bool = False) -> tuple[float, str]:
    """Run the command in a new process; its wall time in seconds, and what it printed."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RECIPROCITY_")}
    if secret:
        environment["RECIPROCITY_PASSPHRASE"] = PASSPHRASE
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reciprocity", "--db", url, *args],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, done.stdout


def export_of(messages: int) -> Path:
    export = HERE / ".data" / f"whatsapp_{messages}_1.txt"
    if not export.exists():
        subprocess.run(
            [sys.executable, str(HERE / "generate_whatsapp.py"), "--messages", str(messages),
             "--seed", "1", "--out", str(export)],
            check=True,
        )
    return export


def import_cost(messages: int, runs: int) -> None:
    export = export_of(messages)
    times: dict[str, list[float]] = {"plain": [], "encrypted": []}
    status: dict[str, list[float]] = {"plain": [], "encrypted": []}
    sizes: dict[str, int] = {}
    for _ in range(runs):
        for kind in ("plain", "encrypted"):
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "bench.db"
                url = f"sqlite:///{path}"
                reciprocity(url, "status")  # made, with its layout
                secret = kind == "encrypted"
                if secret:
                    reciprocity(url, "encrypt", "--yes", secret=True)
                elapsed, _ = reciprocity(url, "import", str(export), "--me", ME, "--json", secret=secret)
                times[kind].append(elapsed)
                status[kind].append(reciprocity(url, "status", secret=secret)[0])
                sizes[kind] = path.stat().st_size
    unlock = unlock_time()
    plain, encrypted = statistics.median(times["plain"]), statistics.median(times["encrypted"])
    print(f"import of {messages:,} WhatsApp messages ({export.stat().st_size / 1e6:.0f} MB), "
          f"{runs} runs each, medians:")
    print(f"  plain      {plain:6.2f} s   database {sizes['plain'] / 1e6:6.1f} MB")
    print(f"  encrypted  {encrypted:6.2f} s   database {sizes['encrypted'] / 1e6:6.1f} MB")
    print(f"  ratio      {encrypted / plain:6.2f}   (of which unlocking, Argon2id: {unlock:.2f} s)")
    quick, slow = statistics.median(status["plain"]), statistics.median(status["encrypted"])
    print(f"  then `status` on it: plain {quick:.2f} s, encrypted {slow:.2f} s, "
          f"ratio {slow / quick:.2f}")


def unlock_time() -> float:
    from reciprocity.store import cipher

    made = cipher.new_key(PASSPHRASE)
    found = []
    for _ in range(3):
        start = time.perf_counter()
        cipher.unwrap(made.document, PASSPHRASE, "bench")
        found.append(time.perf_counter() - start)
    return statistics.median(found)


def dashboard_cost(messages: int, requests: int) -> None:
    from fastapi.testclient import TestClient

    import bench_web
    from reciprocity.model import Moment, Person
    from reciprocity.services import Database, encryption, open_database
    from reciprocity.vocabulary import Giver
    from reciprocity.web import WebSettings, create_app

    with tempfile.TemporaryDirectory() as folder:
        plain_url = f"sqlite:///{Path(folder) / 'plain.db'}"
        start = time.perf_counter()
        moments = bench_web.build(plain_url, messages=messages)
        print(f"\ndashboard: {bench_web.PEOPLE} people, {moments:,} moments, {messages:,} chat "
              f"messages (built in {time.perf_counter() - start:.0f} s)")
        shutil.copy(Path(folder) / "plain.db", Path(folder) / "encrypted.db")
        encrypted_url = f"sqlite:///{Path(folder) / 'encrypted.db'}"
        database = open_database(encrypted_url)
        encryption.encrypt(database, PASSPHRASE)
        database.close()

        def opener(url: str, secret: bool) -> Callable[[], Database]:
            return lambda: open_database(url, passphrase=PASSPHRASE if secret else None)

        found: dict[str, dict[str, list[float]]] = {}
        for _ in range(2):  # alternate, so a busy moment of the machine falls on both
            for kind, url, secret in (
                ("plain", plain_url, False),
                ("encrypted", encrypted_url, True),
            ):
                store = opener(url, secret)()
                app = create_app(
                    WebSettings(database_url=url, today=lambda: bench_web.TODAY), store
                )
                these = found.setdefault(kind, {"warm": [], "after a write": [], "person": []})
                with TestClient(app, base_url="http://127.0.0.1:8765") as client:
                    bench_web.timed(client, ["/", "/people/1"])
                    these["warm"] += bench_web.timed(client, ["/"] * requests)
                    for index in range(3):  # written by another process: everyone read again
                        other = opener(url, secret)()
                        with other.transaction() as session:
                            someone = session.get_one(Person, 2)
                            session.add(Moment(person=someone, on=bench_web.TODAY, by=Giver.ME,
                                               text=f"call {index}"))
                        other.close()
                        these["after a write"] += bench_web.timed(client, ["/"])
                    these["person"] += bench_web.timed(
                        client, [f"/people/{1 + i % bench_web.PEOPLE}" for i in range(requests)]
                    )
    print("  (server time in ms; median, and p95 where there are enough requests)")
    for label in ("warm", "after a write", "person"):
        plain, encrypted = found["plain"][label], found["encrypted"][label]
        name = {"warm": "dashboard", "after a write": "dashboard after another process wrote",
                "person": "person page"}[label]
        line = (f"  {name:38s} plain {statistics.median(plain):7.1f}   encrypted "
                f"{statistics.median(encrypted):7.1f}   ratio "
                f"{statistics.median(encrypted) / statistics.median(plain):5.2f}")
        if len(plain) >= 20:
            line += (f"   p95 {bench_web.p95(plain):6.1f} / {bench_web.p95(encrypted):6.1f} "
                     f"(ratio {bench_web.p95(encrypted) / bench_web.p95(plain):4.2f})")
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000, help="for the import")
    parser.add_argument("--web-messages", type=int, default=1_000_000, help="for the dashboard")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-dashboard", action="store_true")
    options = parser.parse_args()
    if not options.skip_import:
        import_cost(options.messages, options.runs)
    if not options.skip_dashboard:
        dashboard_cost(options.web_messages, options.requests)


if __name__ == "__main__":
    main()
