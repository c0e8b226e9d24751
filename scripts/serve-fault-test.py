#!/usr/bin/env python3
"""Fault tests for `pia serve`: SIGKILL under load, and a full disk.

1. Kill: starts `pia serve` over a workspace, runs writers that answer a
   question over and over (each its own assessment, values numbered) and add
   and remove data flows, SIGKILLs the server at a random moment, then checks
   that every answers file loads (`pia score`), that each file holds the last
   answer the server acknowledged (303) or one sent after it (no lost
   answer), and that the next start removes the temporary file a killed save
   leaves (one is planted each run, as a save killed between write and rename
   leaves it).
2. Full disk (needs root to mount a tmpfs; skipped otherwise): an answer
   posted when the disk is full gets a 500 page that keeps the input and
   names the reason, the file is unchanged, and the same answer is saved once
   there is space again.

usage: scripts/serve-fault-test.py [RUNS]   (default 20; PIA=path/to/pia)
"""

import http.client
import os
import pathlib
import random
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
PIA = os.environ.get("PIA", str(ROOT / ".build" / "debug" / "pia"))
LINE = re.compile(r"^pia serve: http://127\.0\.0\.1:(\d+)/login\?token=([0-9a-f]{64})$")
CSRF = re.compile(r'name="csrf" value="([0-9a-f]{64})"')
REVISION = re.compile(r'name="revision" value="([0-9a-f]{16})"')


def start(workspace):
    process = subprocess.Popen(
        [PIA, "serve", "--workspace", str(workspace), "--port", "0", "--resources", str(ROOT)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready, _, _ = select.select([process.stdout], [], [], 60)
    match = LINE.match(process.stdout.readline().strip()) if ready else None
    if not match:
        process.kill()
        sys.exit("serve-fault-test: pia serve did not print its address")
    return process, int(match.group(1)), match.group(2)


class Client:
    """One browser: a connection, a session cookie and its CSRF token."""

    def __init__(self, port, token):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        _, headers, _ = self.request("GET", f"/login?token={token}")
        self.cookie = headers.get("Set-Cookie", "").split(";")[0]
        self.csrf = CSRF.search(self.request("GET", "/")[2]).group(1)

    def request(self, method, path, fields=None):
        headers = {"Cookie": getattr(self, "cookie", "")}
        body = None
        if fields is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode([("csrf", self.csrf)] + fields)
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()

    def answer(self, name, question, value):
        status, _, page = self.request("GET", f"/a/{name}/q/{question}")
        revision = REVISION.search(page).group(1) if status == 200 else ""
        return self.request(
            "POST", f"/a/{name}/q/{question}", [("revision", revision), ("value", value)])


def value_number(path):
    text = path.read_text()
    match = re.search(r"project_title: value (\d+)", text)
    return int(match.group(1)) if match else 0


def kill_runs(runs):
    work = pathlib.Path(tempfile.mkdtemp(prefix="pia-serve-kill-"))
    failures = []
    names = [f"writer-{i}" for i in range(3)]
    for run in range(runs):
        process, port, token = start(work)
        setup = Client(port, token)
        for name in names:
            if not (work / f"{name}.pia.yaml").exists():
                setup.request("POST", "/a", [("name", name), ("title", name),
                                             ("questionnaire", "ai-assistant")])
                setup.answer(name, "uses_ai_tool", "no")
        acknowledged = {name: value_number(work / f"{name}.pia.yaml") for name in names}
        sent = dict(acknowledged)
        stop = threading.Event()

        def write(name):
            client = Client(port, token)
            number = sent[name]
            while not stop.is_set():
                number += 1
                sent[name] = number
                try:
                    status, _, _ = client.answer(name, "project_title", f"value {number}")
                    if status == 303:
                        acknowledged[name] = number
                    if number % 5 == 0:
                        client.request("POST", f"/a/{name}/g/data_flows/new", [])
                except (OSError, http.client.HTTPException, AttributeError):
                    return

        threads = [threading.Thread(target=write, args=(name,)) for name in names]
        for thread in threads:
            thread.start()
        time.sleep(random.uniform(0.3, 2.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        stop.set()
        for thread in threads:
            thread.join()
        for name in names:
            path = work / f"{name}.pia.yaml"
            check = subprocess.run(
                [PIA, "score", "--answers", str(path), "--resources", str(ROOT)],
                capture_output=True, text=True)
            if check.returncode != 0:
                failures.append(f"run {run}: {path.name} does not load: {check.stderr.strip()}")
                continue
            found = value_number(path)
            if not acknowledged[name] <= found <= sent[name]:
                failures.append(
                    f"run {run}: {path.name} holds value {found}; acknowledged "
                    f"{acknowledged[name]}, sent up to {sent[name]}")
        planted = work / f".{names[0]}.pia.yaml.tmp-Ab12Cd"
        planted.write_text("format: 1\nanswers:\n  project_title: half a writ")
        process, port, token = start(work)
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=20)
        if planted.exists() or planted.name not in errors:
            failures.append(f"run {run}: the next start did not remove {planted.name}")
        leftovers = [p.name for p in work.iterdir() if ".tmp-" in p.name]
        if leftovers:
            failures.append(f"run {run}: temporary files left: {leftovers}")
    saves = sum(value_number(work / f"{name}.pia.yaml") for name in names)
    shutil.rmtree(work, ignore_errors=True)
    return failures, saves


def full_disk():
    mount = tempfile.mkdtemp(prefix="pia-serve-full-")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount],
                      capture_output=True).returncode != 0:
        os.rmdir(mount)
        return None
    failures = []
    process = None
    try:
        workspace = pathlib.Path(mount)
        shutil.copy(ROOT / "Examples" / "safe-admin-pilot.pia.yaml", workspace / "pilot.pia.yaml")
        before = (workspace / "pilot.pia.yaml").read_bytes()
        process, port, token = start(workspace)
        client = Client(port, token)
        subprocess.run(["dd", "if=/dev/zero", f"of={mount}/fill", "bs=4k"], capture_output=True)
        status, _, page = client.answer("pilot", "project_title", "Kept through a full disk")
        if status != 500:
            failures.append(f"disk full: status {status}, expected 500")
        if "no space left" not in page or 'value="Kept through a full disk"' not in page:
            failures.append("disk full: the page does not name the reason or lost the input")
        if (workspace / "pilot.pia.yaml").read_bytes() != before:
            failures.append("disk full: the answers file changed")
        if [p for p in os.listdir(mount) if ".tmp-" in p]:
            failures.append("disk full: a temporary file was left")
        os.remove(f"{mount}/fill")
        status, _, _ = client.answer("pilot", "project_title", "Kept through a full disk")
        if status != 303 or "Kept through a full disk" not in (workspace / "pilot.pia.yaml").read_text():
            failures.append(f"disk full: the answer was not saved once there was space ({status})")
    finally:
        if process:
            process.kill()
            process.wait()
        subprocess.run(["umount", mount])
        os.rmdir(mount)
    return failures


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    if not os.access(PIA, os.X_OK):
        sys.exit(f"serve-fault-test: build first ({PIA} missing)")
    failures, saves = kill_runs(runs)
    for failure in failures:
        print("FAIL  " + failure)
    print(f"{'ok  ' if not failures else 'FAIL'}  kill: {runs} runs, {saves} answers acknowledged "
          f"in all, every file loads and holds its last acknowledged answer")
    disk = full_disk()
    if disk is None:
        print("skip  full disk: cannot mount a tmpfs here (needs root)")
    else:
        for failure in disk:
            print("FAIL  " + failure)
        if not disk:
            print("ok    full disk: 500 with the input kept, file untouched, saved once freed")
        failures += disk
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
