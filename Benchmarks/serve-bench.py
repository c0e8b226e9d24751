#!/usr/bin/env python3
"""serve-bench: a bounded-time load generator for `pia serve` on loopback.

Starts `pia serve` (release build by default) over a fresh workspace, creates
one assessment per simulated user through POST /a, then runs USERS threads for
DURATION seconds. Each user signs in by the printed token (its own session and
CSRF token) and loops: one "step", then THINK seconds of think time. It prints
p50/p99 latency and the error count per request kind, and exits 1 on any
error. Standard library only; traffic goes to 127.0.0.1 and nowhere else.

Phase 1 step: GET /a/NAME/ (the overview: read + score) and GET / every tenth
step. Phase 2 (issue 16) replaces `step()` with: GET a question page, POST an
answer with `value`, `csrf` and `revision`, follow the redirect — and checks
afterwards that no answer was lost (every answer posted is in the file).

    Benchmarks/serve-bench.py                        # 50 users, 1 s think time, 60 s
    Benchmarks/serve-bench.py --think 0 --duration 20  # no think time: where it saturates
    PIA=.build/debug/pia Benchmarks/serve-bench.py --users 5 --duration 5
"""

import argparse
import http.client
import os
import pathlib
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
LINE = re.compile(r"^pia serve: http://127\.0\.0\.1:(\d+)/login\?token=([0-9a-f]{64})$")
CSRF = re.compile(r'name="csrf" value="([0-9a-f]{64})"')


def start(binary, workspace):
    process = subprocess.Popen(
        [binary, "serve", "--workspace", str(workspace), "--port", "0"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready, _, _ = select.select([process.stdout], [], [], 60)
    match = LINE.match(process.stdout.readline().strip()) if ready else None
    if not match:
        process.kill()
        sys.exit("serve-bench: pia serve did not print its address")
    return process, int(match.group(1)), match.group(2)


class User:
    """One simulated privacy lead: a keep-alive connection and a session."""

    def __init__(self, port, token, name):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.name = name
        status, headers, _ = self.request("GET", f"/login?token={token}", record=None)
        cookie = headers.get("Set-Cookie", "")
        self.cookie = cookie.split(";")[0]
        _, _, body = self.request("GET", "/", record=None)
        self.csrf = CSRF.search(body).group(1)

    def request(self, method, path, body=None, record="other", results=None):
        headers = {"Cookie": getattr(self, "cookie", "")}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - started
        if results is not None and record:
            results.append((record, elapsed, response.status))
        return response.status, dict(response.getheaders()), text

    def create(self, results):
        form = urllib.parse.urlencode({
            "csrf": self.csrf, "name": self.name, "title": f"Bench {self.name}",
            "questionnaire": "ai-assistant"})
        return self.request("POST", "/a", form, "create", results)[0]

    def step(self, number, results):
        self.request("GET", f"/a/{self.name}/", record="overview", results=results)
        if number % 10 == 0:
            self.request("GET", "/", record="workspace", results=results)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between steps")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (max 600)")
    arguments = parser.parse_args()
    duration = min(arguments.duration, 600.0)
    binary = os.environ.get("PIA", str(ROOT / ".build" / "release" / "pia"))
    workspace = pathlib.Path(tempfile.mkdtemp(prefix="serve-bench-"))
    process, port, token = start(binary, workspace)
    results = []
    lock = threading.Lock()
    try:
        users = [User(port, token, f"bench-{index:03d}") for index in range(arguments.users)]
        setup = []
        for user in users:
            if user.create(setup) != 303:
                sys.exit(f"serve-bench: could not create {user.name}")
        deadline = time.monotonic() + duration

        def run(user):
            local, number = [], 0
            while time.monotonic() < deadline:
                try:
                    user.step(number, local)
                except (OSError, http.client.HTTPException) as error:
                    local.append(("error", 0.0, str(error)))
                number += 1
                if arguments.think:
                    time.sleep(min(arguments.think, max(0.0, deadline - time.monotonic())))
            with lock:
                results.extend(local)

        threads = [threading.Thread(target=run, args=(user,)) for user in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(workspace, ignore_errors=True)

    errors = [r for r in results if r[0] == "error" or not (200 <= r[2] < 400)]
    print(f"pia serve on 127.0.0.1: {arguments.users} users, think {arguments.think} s, "
          f"{duration:.0f} s, {binary}")
    print(f"{'request':<10} {'count':>7} {'per s':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in sorted({r[0] for r in results if r[0] != "error"}):
        times = [r[1] for r in results if r[0] == kind]
        print(f"{kind:<10} {len(times):>7} {len(times) / duration:>7.1f} "
              f"{percentile(times, 0.5) * 1000:>8.1f} {percentile(times, 0.99) * 1000:>8.1f}")
    print(f"errors: {len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
