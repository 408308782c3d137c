"""What a query worker does to itself before it opens the store: no network, bounded memory, no orphan.

A public SPARQL endpoint must never make a request on a client's behalf. The query check
(:mod:`kgpub.store.scan`) refuses ``SERVICE`` on the parsed query, but a check is only as good as its
agreement with the engine's parser; so the worker that runs the engine also has **no network at all**:
it moves itself into a new Linux network namespace, where no interface is up (not even loopback), before
it opens the store. A query that slips past any check still cannot reach another server, a port on this
machine, or an internal address.

- :func:`isolate_network` — ``unshare(CLONE_NEWNET)`` (root or ``CAP_SYS_ADMIN``), else a new user
  namespace with its network namespace (unprivileged user namespaces), then proves it: a connection to
  loopback must fail. Where neither is possible (another OS, a locked-down container) it raises
  :class:`IsolationUnavailable`; the pool then refuses to start unless the operator set
  ``KGPUB_WORKER_NETWORK=unisolated`` (documented in docs/reliability.md), in which case the parsed-query
  check is the only protection and the server says so at start.
- :func:`limit_memory` — ``RLIMIT_AS`` at what the worker uses once the data is loaded plus a budget per
  query: a query that grows past it fails its allocation and the worker ends; the pool answers 503 and
  starts a fresh one.
- :func:`die_with_parent` — ``PR_SET_PDEATHSIG``: if the server is killed (even ``kill -9``), the kernel
  ends its workers, so no query keeps running after the server is gone.
"""

from __future__ import annotations

import ctypes
import errno
import os
import resource
import signal
import socket
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
PR_SET_PDEATHSIG = 1


class IsolationUnavailable(OSError):
    """This platform cannot give the worker a network namespace."""


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def isolate_network() -> str:
    """Leave every network: returns how (``netns`` or ``userns+netns``), or raises IsolationUnavailable."""
    if not sys.platform.startswith("linux"):
        raise IsolationUnavailable(errno.ENOSYS, f"network namespaces need Linux, this is {sys.platform}")
    libc = _libc()
    how = None
    if libc.unshare(CLONE_NEWNET) == 0:
        how = "netns"
    elif libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
        how = "userns+netns"
    if how is None:
        code = ctypes.get_errno()
        raise IsolationUnavailable(code, f"unshare(CLONE_NEWNET) failed: {os.strerror(code)}")
    if can_connect():
        raise IsolationUnavailable(errno.EEXIST, "a new network namespace still reaches loopback")
    return how


def can_connect() -> bool:
    """Whether this process can open a TCP connection to loopback at all (a refused port counts)."""
    for family, address in ((socket.AF_INET, ("127.0.0.1", 9)), (socket.AF_INET6, ("::1", 9))):
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(1.0)
                sock.connect(address)
            return True
        except ConnectionRefusedError:
            return True  # something answered: the network is there
        except OSError:
            continue  # ENETUNREACH / EADDRNOTAVAIL: no interface
    return False


def limit_memory(budget_bytes: int) -> int:
    """Cap the address space at what is mapped now plus ``budget_bytes``; returns the cap (0: none)."""
    if budget_bytes <= 0:
        return 0
    cap = _mapped_bytes() + budget_bytes
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return cap


def _mapped_bytes() -> int:
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def die_with_parent() -> None:
    """Ask the kernel to kill this process when its parent (the server) ends (Linux only)."""
    if sys.platform.startswith("linux"):
        _libc().prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the parent is already gone
            os._exit(1)
