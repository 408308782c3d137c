"""nginx for the tests, started on loopback as an unprivileged foreground process (Debian ``nginx``,
``make system-deps``): a main configuration of its own in a temporary directory (pid, logs, temp files)
that includes a site configuration — for the replica tests, the deployment's own
``deploy/nginx/kgpub.conf`` with its ports substituted. The access log records, per request, every
upstream nginx tried and what each answered (``$upstream_addr``, ``$upstream_status``), which is how a
test sees a retry on another replica."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

import httpx

MAIN_CONF = """\
daemon off;
master_process on;
worker_processes 1;
user {user};
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {dir}/temp/body;
    proxy_temp_path {dir}/temp/proxy;
    fastcgi_temp_path {dir}/temp/fastcgi;
    uwsgi_temp_path {dir}/temp/uwsgi;
    scgi_temp_path {dir}/temp/scgi;
    log_format upstreams '$request_method $request_uri $status "$upstream_addr" "$upstream_status"';
    access_log {dir}/access.log upstreams;
    include {site};
}}
"""


class Nginx:
    """``nginx -p DIR -c DIR/nginx.conf`` with ``site`` included in its ``http`` block."""

    def __init__(self, location: Path, site: str, port: int) -> None:
        self.location = location
        self.port = port
        (location / "temp").mkdir(parents=True, exist_ok=True)
        (location / "site.conf").write_text(site)
        user = pwd.getpwuid(os.geteuid()).pw_name  # workers as the test's user (root: not nobody)
        main = MAIN_CONF.format(dir=location, user=user, site=location / "site.conf")
        (location / "nginx.conf").write_text(main)
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        assert Path(binary).exists(), "nginx is missing: run `make system-deps` (Debian nginx)"
        command = [binary, "-p", str(self.location), "-e", str(self.location / "error.log")]
        command += ["-c", str(self.location / "nginx.conf")]
        check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=60)
        assert check.returncode == 0, check.stderr
        self.proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.error_log()
            try:
                httpx.get(self.url + "/", timeout=5)
                return
            except httpx.TransportError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("nginx did not answer within 60 s")

    def access_log(self) -> list[str]:
        path = self.location / "access.log"
        return path.read_text().splitlines() if path.exists() else []

    def error_log(self) -> str:
        path = self.location / "error.log"
        return path.read_text() if path.exists() else ""

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()  # SIGTERM: fast shutdown of master and workers
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def __enter__(self) -> Nginx:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
