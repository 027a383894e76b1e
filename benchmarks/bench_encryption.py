"""The cost of encryption at rest: a large chat import and the dashboard, encrypted and plain.

Both are measured in the same run, on the same machine, side by side, and given as
ratios (encrypted / plain). Wall time and CPU time (user + system) are both shown: on a
machine busy with other work the wall time wanders, while the CPU time a step spends
stays close to its own cost, so the CPU ratio is the one to read there.

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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event

from reciprocity.store.database import CIPHER_CACHE_KIB

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PASSPHRASE = "a passphrase for the benchmark"
ME = "Alice Martin"


def reciprocity(url: str, *args: str, secret: bool = False) -> tuple[float, float]:
    """Run the command in a new process; its wall time and CPU time, in seconds."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RECIPROCITY_")}
    if secret:
        environment["RECIPROCITY_PASSPHRASE"] = PASSPHRASE
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reciprocity", "--db", url, *args],
        check=True,
        capture_output=True,
        env=environment,
        stdin=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def export_of(messages: int) -> Path:
    export = HERE / ".data" / f"whatsapp_{messages}_1.txt"
    if not export.exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate_whatsapp.py"),
                "--messages",
                str(messages),
                "--seed",
                "1",
                "--out",
                str(export),
            ],
            check=True,
        )
    return export


def import_cost(messages: int, runs: int) -> None:
    export = export_of(messages)
    kinds = ("plain", "encrypted")
    wall: dict[str, list[float]] = {k: [] for k in kinds}
    cpu: dict[str, list[float]] = {k: [] for k in kinds}
    status: dict[str, list[float]] = {k: [] for k in kinds}
    sizes: dict[str, int] = {}
    for _ in range(runs):
        for kind in kinds:  # alternating, so a busy moment of the machine falls on both
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "bench.db"
                url = f"sqlite:///{path}"
                reciprocity(url, "status")  # made, with its layout
                secret = kind == "encrypted"
                if secret:
                    reciprocity(url, "encrypt", "--yes", secret=True)
                elapsed, spent = reciprocity(
                    url, "import", str(export), "--me", ME, "--json", secret=secret
                )
                wall[kind].append(elapsed)
                cpu[kind].append(spent)
                status[kind].append(reciprocity(url, "status", secret=secret)[1])
                sizes[kind] = path.stat().st_size
    unlock = unlock_time()
    median = statistics.median
    print(
        f"import of {messages:,} WhatsApp messages ({export.stat().st_size / 1e6:.0f} MB) into "
        f"a new database, {runs} runs each, medians:"
    )
    for kind in kinds:
        print(
            f"  {kind:9s}  wall {median(wall[kind]):6.2f} s   CPU {median(cpu[kind]):6.2f} s"
            f"   database {sizes[kind] / 1e6:5.1f} MB"
        )
    print(
        f"  ratio      wall {median(wall['encrypted']) / median(wall['plain']):6.2f}     "
        f"CPU {median(cpu['encrypted']) / median(cpu['plain']):6.2f}"
        f"     (unlocking, Argon2id, counted in: {unlock:.2f} s CPU)"
    )
    print(
        f"  then `status` on it, CPU: plain {median(status['plain']):.2f} s, encrypted "
        f"{median(status['encrypted']):.2f} s, ratio "
        f"{median(status['encrypted']) / median(status['plain']):.2f}"
    )


def unlock_time() -> float:
    from reciprocity.store import cipher

    made = cipher.new_key(PASSPHRASE)
    found = []
    for _ in range(3):  # Argon2id's four lanes run in threads: the process's CPU time counts them
        start = time.process_time()
        cipher.unwrap(made.document, PASSPHRASE, "bench")
        found.append(time.process_time() - start)
    return statistics.median(found)


def timed(client: object, paths: list[str]) -> list[tuple[float, float]]:
    """Each request's wall time and this process's CPU time for it (the app runs in-process),
    in milliseconds."""
    found = []
    for path in paths:
        wall, cpu = time.perf_counter(), time.process_time()
        answer = client.get(path)  # type: ignore[attr-defined]
        found.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
        assert answer.status_code == 200, (path, answer.status_code)
    return found


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
        print(
            f"\ndashboard: {bench_web.PEOPLE} people, {moments:,} moments, {messages:,} chat "
            f"messages (built in {time.perf_counter() - start:.0f} s)"
        )
        shutil.copy(Path(folder) / "plain.db", Path(folder) / "encrypted.db")
        encrypted_url = f"sqlite:///{Path(folder) / 'encrypted.db'}"
        database = open_database(encrypted_url)
        encryption.encrypt(database, PASSPHRASE)
        database.close()

        def opener(url: str, secret: bool, cache: bool = False) -> Callable[[], Database]:
            def open_it() -> Database:
                store = open_database(url, passphrase=PASSPHRASE if secret else None)
                if cache:  # the plain file with the page cache an encrypted one gets
                    event.listen(store.engine, "connect", _larger_cache)
                    store.engine.dispose()
                return store

            return open_it

        found: dict[str, dict[str, list[tuple[float, float]]]] = {}
        for _ in range(2):  # alternating, so a busy moment of the machine falls on each
            for kind, url, secret, cache in (
                ("plain", plain_url, False, False),
                ("encrypted", encrypted_url, True, False),
                ("plain, same cache", plain_url, False, True),
            ):
                app = create_app(
                    WebSettings(database_url=url, today=lambda: bench_web.TODAY),
                    opener(url, secret, cache)(),
                )
                these = found.setdefault(kind, {"warm": [], "after a write": [], "person": []})
                with TestClient(app, base_url="http://127.0.0.1:8765") as client:
                    timed(client, ["/", "/people/1"])
                    these["warm"] += timed(client, ["/"] * requests)
                    for index in range(3):  # written by another process: everyone read again
                        other = opener(url, secret)()
                        with other.transaction() as session:
                            someone = session.get_one(Person, 2)
                            session.add(
                                Moment(
                                    person=someone,
                                    on=bench_web.TODAY,
                                    by=Giver.ME,
                                    text=f"call {index}",
                                )
                            )
                        other.close()
                        these["after a write"] += timed(client, ["/"])
                    these["person"] += timed(
                        client, [f"/people/{1 + i % bench_web.PEOPLE}" for i in range(requests)]
                    )
    print("  server time in ms, medians (wall / CPU), and the ratios encrypted / plain:")
    names = {
        "warm": "dashboard",
        "after a write": "dashboard after another process wrote",
        "person": "person page",
    }
    for baseline in ("plain", "plain, same cache"):
        print(
            f"  against {baseline}"
            + (
                f" ({CIPHER_CACHE_KIB // 1024} MiB page cache, as an encrypted file gets)"
                if baseline != "plain"
                else " (SQLite's default 2 MiB page cache, as shipped)"
            )
        )
        for label, name in names.items():
            plain, encrypted = found[baseline][label], found["encrypted"][label]
            ratios = []
            cells = []
            for column in (0, 1):
                a = statistics.median(v[column] for v in plain)
                b = statistics.median(v[column] for v in encrypted)
                cells.append(f"{a:7.1f} / {b:7.1f}")
                ratios.append(b / a)
            print(
                f"    {name:38s} wall {cells[0]}   CPU {cells[1]}   ratio wall "
                f"{ratios[0]:4.2f}  CPU {ratios[1]:4.2f}   ({len(plain)} requests each)"
            )


def _larger_cache(connection: object, _record: object) -> None:
    connection.execute(f"PRAGMA cache_size = -{CIPHER_CACHE_KIB}")  # type: ignore[attr-defined]


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
