#!/usr/bin/env python3
"""serve-bench: a bounded-time load generator for `pia serve` on loopback.

Starts `pia serve` (release build by default) over a fresh workspace holding
one copy per simulated user of the records-system example grown to FLOWS data
flows (Benchmarks/make-flows.py), then runs USERS threads for DURATION
seconds. Each user signs in by the printed token (its own session and CSRF
token) and loops over its own assessment: GET a question page, POST an answer
with `value`, `csrf` and `revision`, follow the redirect, then THINK seconds of
think time. The questions alternate between a top-level text question and a
question of a data flow in the middle of the list. Every tenth step also reads
the workspace page (`GET /`, every file's summary).

Afterwards it stops the server and checks that no answer was lost: for every
question each user answered, the last answer the server acknowledged (303)
must be in that user's file. It prints p50/p99 latency per request kind, the
error count and the answers lost, and exits 1 on any error or lost answer.
Standard library only; traffic goes to 127.0.0.1 and nowhere else.

    Benchmarks/serve-bench.py                          # 50 users, 1 s think, 60 s, 100 flows
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
REVISION = re.compile(r'name="revision" value="([0-9a-f]{16})"')


def start(binary, workspace):
    process = subprocess.Popen(
        [binary, "serve", "--workspace", str(workspace), "--port", "0",
         "--resources", str(ROOT)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready, _, _ = select.select([process.stdout], [], [], 60)
    match = LINE.match(process.stdout.readline().strip()) if ready else None
    if not match:
        process.kill()
        sys.exit("serve-bench: pia serve did not print its address")
    return process, int(match.group(1)), match.group(2)


class User:
    """One simulated privacy lead: a keep-alive connection, a session, an assessment."""

    def __init__(self, port, token, name, flows, workspace_every):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.name = name
        self.flows = flows
        self.workspace_every = workspace_every
        self.acknowledged = {}
        _, headers, _ = self.request("GET", f"/login?token={token}", record=None)
        self.cookie = headers.get("Set-Cookie", "").split(";")[0]
        _, _, body = self.request("GET", "/", record=None)
        self.csrf = CSRF.search(body).group(1)

    def request(self, method, path, fields=None, record="other", results=None):
        headers = {"Cookie": getattr(self, "cookie", "")}
        body = None
        if fields is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(fields)
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        elapsed = time.perf_counter() - started
        if results is not None and record:
            results.append((record, elapsed, response.status))
        return response.status, dict(response.getheaders()), text

    def step(self, number, results):
        if number % 2 == 0:
            question = f"/a/{self.name}/q/project_title"
        else:
            question = f"/a/{self.name}/g/data_flows/data_flows-{self.flows // 2}/q/data_element"
        status, _, page = self.request("GET", question, record="question", results=results)
        if status != 200:
            return
        value = f"{self.name} answer {number}."
        revision = REVISION.search(page).group(1)
        status, headers, _ = self.request(
            "POST", question, [("csrf", self.csrf), ("revision", revision), ("value", value)],
            record="save", results=results)
        if status == 303:
            self.acknowledged[question] = value
            self.request("GET", headers["Location"], record="next page", results=results)
        if self.workspace_every and number % self.workspace_every == 0:
            self.request("GET", "/", record="workspace", results=results)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="seconds between steps")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (max 600)")
    parser.add_argument("--flows", type=int, default=100, help="data flows in each assessment")
    parser.add_argument("--workspace-every", type=int, default=10,
                        help="read the workspace page every N steps (0: never)")
    arguments = parser.parse_args()
    duration = min(arguments.duration, 600.0)
    binary = os.environ.get("PIA", str(ROOT / ".build" / "release" / "pia"))
    workspace = pathlib.Path(tempfile.mkdtemp(prefix="serve-bench-"))
    subprocess.run(
        [sys.executable, str(ROOT / "Benchmarks" / "make-flows.py"), str(workspace),
         str(ROOT / "Examples" / "records-system-deployment.pia.yaml"), str(arguments.flows)],
        check=True)
    grown = workspace / f"flows-{arguments.flows}.pia.yaml"
    names = [f"bench-{index:03d}" for index in range(arguments.users)]
    for name in names:
        shutil.copy(grown, workspace / f"{name}.pia.yaml")
    grown.unlink()
    process, port, token = start(binary, workspace)
    results = []
    lock = threading.Lock()
    lost = []
    try:
        users = [User(port, token, name, arguments.flows, arguments.workspace_every)
                 for name in names]
        # Warm-up, outside the timed run: each file's first read parses and scores it.
        cold = []
        for user in users:
            user.request("GET", f"/a/{user.name}/q/project_title", record="first open",
                         results=cold)
        deadline = time.monotonic() + duration

        def run(user):
            local, number = [], 0
            while time.monotonic() < deadline:
                try:
                    user.step(number, local)
                except (OSError, http.client.HTTPException, AttributeError) as error:
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
    for user in users:
        text = (workspace / f"{user.name}.pia.yaml").read_text()
        for question, value in user.acknowledged.items():
            if value not in text:
                lost.append(f"{user.name}: {question} = {value!r}")
    acknowledged = sum(len(user.acknowledged) for user in users)
    shutil.rmtree(workspace, ignore_errors=True)

    errors = [r for r in results if r[0] == "error" or not (200 <= r[2] < 400)]
    with open("/proc/loadavg") as file:
        load = file.read().split()[:3]
    print(f"pia serve on 127.0.0.1: {arguments.users} users, think {arguments.think} s, "
          f"{duration:.0f} s, {arguments.flows} flows each, {binary}; load average after: "
          f"{' '.join(load)}")
    print(f"{'request':<10} {'count':>7} {'per s':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for kind in sorted({r[0] for r in results if r[0] != "error"}):
        times = [r[1] for r in results if r[0] == kind]
        print(f"{kind:<10} {len(times):>7} {len(times) / duration:>7.1f} "
              f"{percentile(times, 0.5) * 1000:>8.1f} {percentile(times, 0.99) * 1000:>8.1f}")
    cold_times = [r[1] for r in cold]
    print(f"first open of each file (before the run, one at a time): p50 "
          f"{percentile(cold_times, 0.5) * 1000:.1f} ms, max {max(cold_times) * 1000:.1f} ms")
    print(f"errors: {len(errors)}")
    for error in errors[:5]:
        print(f"  {error}")
    print(f"answers lost: {len(lost)} (of the last acknowledged answer to each of "
          f"{acknowledged} questions)")
    for item in lost[:5]:
        print(f"  {item}")
    return 1 if errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
