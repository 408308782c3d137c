"""Two stateless `kgpub serve` replicas (remote backend) behind real nginx, against one Oxigraph server —
all on loopback, configured by the deployment's own ``deploy/nginx/kgpub.conf``.

- Each replica serves its *own copy* of the build folder, as on two hosts: the same answers and the
  same ETags, straight from each replica and through nginx. Turtle, HTML, CSV and XML sitemaps are the
  same bytes; JSON-LD, N-Triples and RDF/XML the same graph (their byte order follows Python's
  per-process hash seed today — see ``same_answer``).
- A replica killed with SIGKILL while clients keep requesting: every GET still gets its answer —
  nginx resends what failed on the dead replica to the live one (and the access log shows it did).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from kgpub import publish
from kgpub.config import PROJECT_ROOT, Settings
from kgpub.store.load import load
from tests.engines import OxigraphServer, free_port
from tests.proxy import Nginx
from tests.web.conftest import SEED_TRIG, make_published

pytestmark = pytest.mark.slow

SITE_CONF = PROJECT_ROOT / "deploy" / "nginx" / "kgpub.conf"
SECRET = "replicas-share-one-secret-key-0123456789"
# (path, Accept): pages, documents in two formats, a 303, a 404, the endpoint, VoID, sitemap
REQUESTS = [
    ("/", "text/html"),
    ("/doc/org/helsinki-elinkeino-osasto", "text/turtle"),
    ("/doc/org/helsinki-elinkeino-osasto", "text/html"),
    ("/doc/org/helsinki", "application/ld+json"),
    ("/id/org/helsinki-kaupunginkanslia", "text/turtle"),
    ("/doc/org/no-such-body", "text/html"),
    ("/sparql?query=SELECT%20%3Fs%20WHERE%20%7B%20%3Fs%20a%20%3Ft%20%7D%20ORDER%20BY%20%3Fs", "text/csv"),
    ("/.well-known/void", "text/turtle"),
    ("/sitemap.xml", "application/xml"),
]


@dataclass
class Replica:
    port: int
    proc: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


def start_replica(settings: Settings, var_dir: Path, public: str) -> Replica:
    """`kgpub serve` on a free loopback port, serving ``var_dir``, answering for the engine."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGPUB_")}
    env |= {
        "KGPUB_VAR_DIR": str(var_dir),
        "KGPUB_BASE_IRI": settings.base_iri,
        "KGPUB_PUBLIC_BASE": public,
        "KGPUB_QUERIES_DIR": str(PROJECT_ROOT / "queries"),
        "KGPUB_BACKEND": "remote",
        "KGPUB_REMOTE_QUERY_URL": str(settings.remote_query_url),
        "KGPUB_CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
        "KGPUB_MAX_CONNECTIONS_PER_CLIENT": "0",
        "KGPUB_SPARQL_PER_CLIENT": "0",
        "KGPUB_SECRET_KEY": SECRET,
    }
    log = (var_dir.parent / f"replica-{port}.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgpub", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    replica = Replica(port, proc)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert proc.poll() is None, (var_dir.parent / f"replica-{port}.log").read_text()[-2000:]
        try:
            if httpx.get(replica.url + "/", timeout=10).status_code == 200:
                return replica
        except httpx.TransportError:
            time.sleep(0.2)
    replica.kill()
    raise AssertionError("kgpub serve did not answer within 90 s")


@dataclass
class Tier:
    nginx: Nginx
    replicas: list[Replica]


@pytest.fixture(scope="module")
def tier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tier]:
    root = tmp_path_factory.mktemp("tier")
    with OxigraphServer(root / "oxigraph") as engine:
        local = make_published(root / "host-a" / "var", SEED_TRIG)
        settings = engine.settings(local)
        load(publish.current(settings), settings)
        shutil.copytree(root / "host-a", root / "host-b", symlinks=True)  # the build, copied to a 2nd host
        port = free_port()
        public = f"http://127.0.0.1:{port}/"
        replicas: list[Replica] = []
        try:
            for host in ("host-a", "host-b"):
                replicas.append(start_replica(settings, root / host / "var", public))
            site = SITE_CONF.read_text()
            site = site.replace("127.0.0.1:5001", f"127.0.0.1:{replicas[0].port}")
            site = site.replace("127.0.0.1:5002", f"127.0.0.1:{replicas[1].port}")
            site = site.replace("listen 127.0.0.1:8080", f"listen 127.0.0.1:{port}")
            with Nginx(root / "nginx", site, port) as nginx:
                yield Tier(nginx, replicas)
        finally:
            for replica in replicas:
                replica.kill()


#: Media types whose bytes are the same in every process. The others are compared as graphs: rdflib
#: writes JSON-LD, N-Triples and RDF/XML (and VoID's blank nodes) in an order that depends on the
#: process's hash seed, so two replicas sent different bytes under one strong ETag (found by this
#: test); such documents now carry a weak ETag (semantically equal, not byte-equal: RFC 9110 §8.8.1).
SAME_BYTES = ("text/html", "text/csv", "application/xml")
GRAPH_FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld"}


def same_answer(a: httpx.Response, b: httpx.Response, accept: str) -> bool:
    """The same status and the same content: bytes, or for RDF the same graph."""
    if a.status_code != b.status_code:
        return False
    if accept in SAME_BYTES or a.status_code != 200:
        return a.content == b.content
    from rdflib import Graph
    from rdflib.compare import isomorphic

    one, two = (Graph().parse(data=r.content, format=GRAPH_FORMATS[accept]) for r in (a, b))
    return len(one) > 0 and isomorphic(one, two)


def fetch(client: httpx.Client, base: str, path: str, accept: str) -> httpx.Response:
    return client.get(base + path, headers={"Accept": accept}, follow_redirects=False)


def test_the_site_config_is_the_documented_one() -> None:
    """The file the tests run is the one docs/deployment.md shows (kept in one place)."""
    docs = (PROJECT_ROOT / "docs" / "deployment.md").read_text()
    assert "deploy/nginx/kgpub.conf" in docs and "proxy_next_upstream" in SITE_CONF.read_text()


@pytest.mark.parametrize(("path", "accept"), REQUESTS)
def test_replicas_give_the_same_answers_and_etags(tier: Tier, path: str, accept: str) -> None:
    with httpx.Client(timeout=30) as client:
        a, b, proxied = (
            fetch(client, base, path, accept)
            for base in (tier.replicas[0].url, tier.replicas[1].url, tier.nginx.url)
        )
    assert a.status_code in (200, 303, 404), a.text[:300]
    assert same_answer(a, b, accept) and same_answer(a, proxied, accept)
    for header in ("ETag", "Content-Type", "Location", "Last-Modified", "Vary"):
        assert a.headers.get(header) == b.headers.get(header) == proxied.headers.get(header), header
    if path.startswith(("/doc/", "/.well-known/")) and a.status_code == 200:
        # documents are cacheable (the endpoint's answers not); strong only where the bytes are stable
        stable = accept in SAME_BYTES or accept == "text/turtle"
        assert a.headers["ETag"].startswith('"' if stable else 'W/"'), a.headers["ETag"]
    if a.status_code == 200 and "ETag" in a.headers:
        # a conditional request with one replica's ETag is answered 304 by the other
        again = httpx.get(
            tier.replicas[1].url + path, headers={"Accept": accept, "If-None-Match": a.headers["ETag"]}
        )
        assert again.status_code == 304


#: The load of the kill test: every request but /sparql, whose rate nginx limits per client (10 r/s).
MIX = [(path, accept) for path, accept in REQUESTS if not path.startswith("/sparql")]


def test_a_replica_killed_mid_load_loses_no_get(tier: Tier) -> None:
    """Four clients keep requesting through nginx; replica A is killed with SIGKILL part-way. Every
    request gets its complete answer; the access log shows requests nginx resent to replica B."""
    expected: dict[tuple[str, str], httpx.Response] = {}
    with httpx.Client(timeout=30) as client:
        for path, accept in MIX:
            expected[(path, accept)] = fetch(client, tier.nginx.url, path, accept)
    logged_before = len(tier.nginx.access_log())
    done: list[tuple[str, str, httpx.Response]] = []
    failures: list[str] = []
    lock = threading.Lock()
    killed = threading.Event()
    per_client = 60

    def client_loop(offset: int) -> None:
        with httpx.Client(timeout=60) as client:
            for i in range(per_client):
                path, accept = MIX[(i + offset) % len(MIX)]
                try:
                    answer = fetch(client, tier.nginx.url, path, accept)
                    with lock:
                        done.append((path, accept, answer))
                except httpx.HTTPError as exc:
                    with lock:
                        failures.append(f"{path}: {exc!r}")
                if i == per_client // 3:
                    killed.wait(timeout=120)  # the rest of the run happens after the kill

    threads = [threading.Thread(target=client_loop, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill once requests are flowing to both replicas
        with lock:
            if len(done) >= 20:
                break
        time.sleep(0.02)
    tier.replicas[0].kill()
    killed.set()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures[:5]
    assert len(done) == 4 * per_client
    for path, accept, answer in done:
        assert same_answer(answer, expected[(path, accept)], accept), (path, accept, answer.status_code)
    dead = f"127.0.0.1:{tier.replicas[0].port}"
    log = tier.nginx.access_log()[logged_before:]
    resent = [line for line in log if dead in line and "," in line.split('"')[1]]
    assert resent, "\n".join(log[-20:])  # some request was tried on A, then answered by B
    live = f"127.0.0.1:{tier.replicas[1].port}"
    assert all(line.split('"')[1].rstrip().endswith(live) for line in resent)


def test_the_proxy_limits_each_clients_query_rate_with_429(tier: Tier) -> None:
    """The site's `limit_req` on /sparql (10 r/s, burst 20): one client asking as fast as it can gets
    429 from nginx within 200 requests, while its document requests are not limited."""
    statuses: list[int] = []
    with httpx.Client(timeout=30) as client:
        for _ in range(200):
            answer = client.get(tier.nginx.url + "/sparql", params={"query": "ASK {}"})
            statuses.append(answer.status_code)
            if answer.status_code == 429:
                break
        assert statuses[-1] == 429 and statuses[0] == 200, statuses
        assert set(statuses[:-1]) == {200}
        doc = fetch(client, tier.nginx.url, "/doc/org/helsinki-elinkeino-osasto", "text/turtle")
        assert doc.status_code == 200
