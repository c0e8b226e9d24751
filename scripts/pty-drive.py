#!/usr/bin/env python3
"""Run a command under a pseudo-terminal and type lines into it.

Usage: pty-drive.py [--burst] [--kill-after-ms N] [--input FILE] -- COMMAND [ARGS...]

Each line of FILE (default: standard input) is typed followed by Enter, after
the program has gone quiet (it is waiting at a prompt). Special lines:
  <EOF>  types Ctrl-D      <INT>  types Ctrl-C
With --burst every line is typed at once, without waiting (for the crash test).
With --kill-after-ms the program is sent SIGKILL after that many milliseconds.
The transcript goes to standard output; the exit code is the program's
(128 + signal number when it was killed by a signal).
"""
import os
import pty
import select
import signal
import sys
import time


def main():
    argv = sys.argv[1:]
    burst = False
    kill_after = None
    input_path = None
    while argv and argv[0] != "--":
        option = argv.pop(0)
        if option == "--burst":
            burst = True
        elif option == "--kill-after-ms":
            kill_after = float(argv.pop(0)) / 1000
        elif option == "--input":
            input_path = argv.pop(0)
        else:
            sys.exit(f"unknown option {option}")
    command = argv[1:]
    if not command:
        sys.exit("usage: pty-drive.py [options] -- COMMAND [ARGS...]")
    text = open(input_path).read() if input_path else sys.stdin.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    start = time.time()
    output = bytearray()
    alive = True

    def pump(quiet, limit, need_output=False, beyond=0, patience=2.0):
        """Read output until it has been quiet for `quiet` seconds.

        With need_output, quiet counts only once the output has grown past `beyond`
        bytes (past the echo of the line just typed: the program has answered), or
        after `patience` seconds without that (a prompt that prints nothing).
        """
        nonlocal alive
        last = time.time()
        began = last
        seen = not need_output
        deadline = time.time() + limit
        while alive and time.time() < deadline:
            if kill_after is not None and time.time() - start >= kill_after:
                return
            ready, _, _ = select.select([fd], [], [], 0.01)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    alive = False
                    return
                if not data:
                    alive = False
                    return
                output.extend(data)
                last = time.time()
                if len(output) > beyond:
                    seen = True
            elif not seen and time.time() - began >= patience:
                seen = True
            elif seen and time.time() - last >= quiet:
                return

    def key(line):
        if line == "<EOF>":
            return b"\x04"
        if line == "<INT>":
            return b"\x03"
        return line.encode() + b"\n"

    if burst:
        os.write(fd, b"".join(key(line) for line in lines))
    else:
        pump(0.15, 10, need_output=True)
        for line in lines:
            if not alive:
                break
            typed = key(line)
            mark = len(output)
            os.write(fd, typed)
            if line in ("<EOF>", "<INT>"):
                pump(0.15, 10)
            else:
                # The terminal echoes the line (its newline as CR LF); wait for what the
                # program writes after it, so a slow save is not taken for a prompt.
                pump(0.15, 10, need_output=True, beyond=mark + len(typed) + 1)
    if kill_after is not None:
        while time.time() - start < kill_after:
            pump(0.01, kill_after)
            if not alive:
                break
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    pump(0.3, 10)
    # Never hang: a program still waiting for input gets the terminal closed
    # (SIGHUP, end of input), then SIGKILL if it is still there.
    deadline = time.time() + 5
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.time() > deadline:
            os.kill(pid, signal.SIGKILL)
        elif alive:
            pump(0.2, 1)
            if alive and time.time() > deadline - 4:
                os.close(fd)
                alive = False
        time.sleep(0.02)
    sys.stdout.write(output.decode(errors="replace").replace("\r\n", "\n"))
    sys.stdout.flush()
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()
