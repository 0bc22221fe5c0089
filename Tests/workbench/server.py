"""Starts `planforecast serve` on a free loopback port for the workbench's tests and
benchmarks, and stops it (SIGTERM, then checks it exited cleanly)."""
import json
import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def binary() -> str:
    env = os.environ.get("PLANFORECAST_BIN")
    if env:
        return env
    for candidate in [REPO / ".build/debug/planforecast", REPO / ".build/release/planforecast"]:
        if candidate.exists():
            return str(candidate)
    raise SystemExit("planforecast binary not found: build first (swift build) or set PLANFORECAST_BIN")


class Server:
    """`with Server() as s:` runs the workbench; `s.url` is its address."""

    def __init__(self, *args: str):
        self.args = list(args)
        self.scenarios = tempfile.mkdtemp(prefix="workbench-scenarios-")
        self.process = None
        self.url = None
        self.startup_seconds = None

    def __enter__(self):
        started = time.monotonic()
        self.process = subprocess.Popen(
            [binary(), "serve", "--port", "0", "--scenario-dir", self.scenarios, *self.args],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if not match:
            self.process.kill()
            raise SystemExit(f"server did not start: {line!r} {self.process.stderr.read()!r}")
        self.url = match.group(1)
        self.startup_seconds = time.monotonic() - started
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self) -> int:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise SystemExit("server did not stop within 20 s of SIGTERM")
        return self.process.returncode if self.process else 0

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_kib(self) -> tuple[int, int]:
        """(current, peak) resident memory of the server in KiB, from /proc."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        def field(name):
            return int(re.search(rf"^{name}:\s+(\d+) kB", status, re.M).group(1))
        return field("VmRSS"), field("VmHWM")


def scenario(growth_industry: float = 14.0, volatility: float = 2.0, name: str = "load") -> dict:
    """An Hưng's plan ranges with yearly volatility; `growth_industry` moves like a slider."""
    return {
        "name": name, "plan": "an-hung",
        "drivers": {
            "budget_revenue": {"growth": {"triangular": [10, 12.5, 15]}, "volatility": 3},
            "gpv_agriculture": {"growth": {"uniform": [1.5, 2]}, "volatility": 0.5},
            "gpv_industry": {"growth": {"uniform": [round(growth_industry - 1, 4), round(growth_industry + 1, 4)]}, "volatility": volatility},
            "gpv_services": {"growth": {"uniform": [13, 15]}, "volatility": 2},
            "income_per_capita": {"growth": {"uniform": [5, 9]}, "volatility": 1.5},
        },
        "correlations": [["gpv_industry", "gpv_services", 0.6]],
    }


def post_json(url: str, body: dict, timeout: float = 60):
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, json.loads(r.read())


class Checks:
    """Counts checks and prints each; `summary()` prints 'N passed, N failed' and returns
    the exit status."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, ok: bool, what: str):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(("ok   " if ok else "FAIL ") + what, flush=True)

    def summary(self) -> int:
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0
