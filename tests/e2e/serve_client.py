"""`search --serve` for the tests and the benchmark: start it on a free port, ask it
over HTTP (python3's http.client), stop it."""
import http.client
import json
import os
import re
import signal
import subprocess
import time
import urllib.parse


class Server:
    """`search --index INDEX --serve ADDR:0` run in `cwd`; the port it took is read
    from its start-up line. Use as a context manager, or start()/stop()."""

    def __init__(self, search, index, cwd, address="127.0.0.1:0", extra=()):
        self.cmd = [search, "--index", index, "--serve", address, *extra]
        self.cwd = cwd
        self.proc = None
        self.port = None
        self.start_lines = []

    def start(self, timeout=30):
        env = {k: v for k, v in os.environ.items() if k != "SEARCH_INDEX"}
        self.proc = subprocess.Popen(self.cmd, cwd=self.cwd, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline().decode()
            if not line:
                raise RuntimeError(f"search --serve ended: {self.start_lines} {self.proc.wait()}")
            self.start_lines.append(line.rstrip("\n"))
            found = re.search(r"serving .* at http://\[?[^\]]*\]?:(\d+)/", line)
            if found:
                self.port = int(found.group(1))
                return self
        raise RuntimeError("search --serve did not start: " + repr(self.start_lines))

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Sends `sig`; returns (exit code, the rest of its stderr)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rest = self.proc.communicate(timeout=timeout)[1].decode()
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rest = self.proc.communicate()[1].decode()
        return self.proc.returncode, rest

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.stop()

    def connection(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def get(self, path, connection=None, headers=None):
        """(status, headers as a dict with lower-case names, body bytes)."""
        conn = connection or self.connection()
        try:
            conn.request("GET", path, headers=headers or {})
            r = conn.getresponse()
            body = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, body
        finally:
            if connection is None:
                conn.close()

    def get_json(self, path, connection=None):
        status, _, body = self.get(path, connection)
        return status, json.loads(body)


def search_path(query, **params):
    """/api/search?q=…&… with the parameters percent-encoded as UTF-8."""
    return "/api/search?" + urllib.parse.urlencode({"q": query, **params})
