"""Sign-in for the review pages: curators, expiring sessions, CSRF tokens, a login lockout.

The public site needs none of this: it is read-only and sets no cookie. Only ``/login``,
``/logout`` and ``/review…`` touch the session.

- **Who**: a curator named in the curators file (``kgpub curator add``; scrypt hashes only), signed
  in with their password — or, when ``trusted_user_header`` is set (off by default), whoever a
  reverse proxy in front of kgpub names in that header (the proxy authenticates and must strip the
  header from what clients send; kgpub cannot tell otherwise).
- **Sessions**: Flask's signed cookie, ``HttpOnly``, ``SameSite=Lax``, ``Secure`` when the site is
  served over https, signed with ``secret_key`` (or a key generated once into ``var/secret-key``,
  mode 0600). A sign-in lasts ``session_lifetime_s`` from the moment it was made, however busy the
  curator is; a curator removed from the file is signed out on their next request.
- **CSRF**: every POST carries the session's random token (form field ``csrf_token`` or header
  ``X-CSRF-Token``), compared in constant time; missing or wrong → 400. SameSite alone is not
  relied on (old browsers, same-site subdomains).
- **Lockout**: ``login_max_failures`` wrong passwords from one address, or for one name, within
  ``login_lockout_s`` → 429 with ``Retry-After`` until the oldest failure ages out.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from collections import deque
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask.wrappers import Request
from werkzeug.exceptions import TooManyRequests
from werkzeug.wrappers import Response as BaseResponse

from .. import curators
from ..config import Settings
from ..errors import InputError
from .limits import client_address

bp = Blueprint("auth", __name__)

USER, SINCE, CSRF = "curator", "since", "csrf"
CSRF_FIELD, CSRF_HEADER = "csrf_token", "X-CSRF-Token"
SECRET_FILE = "secret-key"


def configure(app: Flask, settings: Settings) -> None:
    """Session cookie settings, the secret key, the lockout, ``csrf_token()`` in templates, the routes."""
    public = settings.public_base or settings.base_iri
    app.config.update(
        SECRET_KEY=settings.secret_key or secret_key(settings.var_dir),
        SESSION_COOKIE_NAME="kgpub_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=public.startswith("https:"),
        PERMANENT_SESSION_LIFETIME=timedelta(seconds=settings.session_lifetime_s),
    )
    app.session_interface = CookieOnlySessionInterface()
    app.extensions["kgpub-throttle"] = Throttle(settings.login_max_failures, settings.login_lockout_s)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["current_curator"] = current_curator
    app.register_blueprint(bp)


class CookieOnlySessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, without the per-request cost when there is no cookie.

    Flask builds an itsdangerous signer for every request, cookie or not (~0.1–0.2 ms, a tenth of a
    small /sparql answer); the public site never has a session cookie, so a request without one gets
    the empty session straight away — what Flask would have returned. A request with the cookie is
    read by Flask as before, and saving is Flask's own."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class() if app.secret_key else None
        return super().open_session(app, request)


def secret_key(var_dir: Path) -> str:
    """The key in ``var_dir/secret-key``, made (random, mode 0600) the first time it is needed."""
    path = var_dir / SECRET_FILE
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key = ""
    except OSError as exc:
        raise InputError(f"{path}: cannot read the session key: {exc.strerror}") from exc
    if len(key) >= 32:
        return key
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    tmp = path.with_name(f"{SECRET_FILE}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key + "\n")
    try:
        os.link(tmp, path)  # the first process to get here wins; another reads the winner's key
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
    finally:
        tmp.unlink()
    return key


def _settings() -> Settings:
    settings: Settings = current_app.extensions["kgpub"]["settings"]
    return settings


def current_curator() -> str | None:
    """The signed-in curator's name, or None (expired, signed out, removed from the file, anonymous)."""
    settings = _settings()
    if settings.trusted_user_header:
        named = request.headers.get(settings.trusted_user_header, "").strip()
        return named if named and curators.NAME.fullmatch(named) else None
    name, since = session.get(USER), session.get(SINCE)
    if not isinstance(name, str) or not isinstance(since, int | float):
        return None
    if not 0 <= time.time() - since <= settings.session_lifetime_s:
        session.pop(USER, None)
        return None
    if name not in curators.load(settings.curators_path):
        session.pop(USER, None)
        return None
    return name


def csrf_token() -> str:
    """This session's CSRF token (made on first use)."""
    token = session.get(CSRF)
    if isinstance(token, str):
        return token
    fresh = session[CSRF] = secrets.token_urlsafe(32)
    return fresh


def check_csrf() -> None:
    """Abort with 400 unless the request carries this session's CSRF token."""
    sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    expected = session.get(CSRF)
    if not isinstance(expected, str) or not hmac.compare_digest(sent.encode(), expected.encode()):
        abort(
            400,
            "The form's security token is missing or out of date (CSRF check): "
            "reload the page and try again.",
        )


def require_curator() -> BaseResponse | None:
    """``before_request`` of every writing area: anonymous GET → the sign-in page; any other method → 403.
    A signed-in POST must also pass the CSRF check."""
    if current_curator() is None:
        if request.method in ("GET", "HEAD"):
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")), code=303)
        abort(403, "Sign in as a curator first.")
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        check_csrf()
    return None


def _safe_next(target: str | None) -> str:
    """Only a path of the review area: never another site (``//host``) after signing in."""
    if target and target.startswith("/review") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("review.sources")


def no_store(response: Response) -> Response:
    """Pages with a curator's session are never cached or shared."""
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


bp.after_request(no_store)


@bp.route("/login", methods=["GET", "POST"])
def login() -> BaseResponse | str | tuple[str, int]:
    settings = _settings()
    target = _safe_next(request.values.get("next"))
    if current_curator() is not None and request.method == "GET":
        return redirect(target, code=303)
    if settings.trusted_user_header:
        message = "Sign-in is done by the site's proxy; it did not name a curator for this request."
        return render_template("login.html", proxy=True, error=message, next=target), 403
    if request.method == "GET":
        return render_template("login.html", proxy=False, error=None, next=target)
    check_csrf()
    name = request.form.get("name", "").strip()
    password = request.form.get("password", "")
    throttle: Throttle = current_app.extensions["kgpub-throttle"]
    keys = (f"addr:{client_address()}", f"name:{name.lower()}")  # behind a proxy: client_address_header
    wait = throttle.blocked(keys)
    if wait:
        raise TooManyRequests(f"Too many failed sign-ins; try again in {wait} seconds.", retry_after=wait)
    if not name or not curators.verify(settings.curators_path, name, password):
        throttle.fail(keys)
        return render_template("login.html", proxy=False, error="Wrong name or password.", next=target), 401
    throttle.clear(keys[1:])
    session.clear()  # a fresh session (and CSRF token) for the signed-in curator: no fixation
    session.permanent = True
    session[USER] = name
    session[SINCE] = int(time.time())
    csrf_token()
    return redirect(target, code=303)


@bp.route("/logout", methods=["POST"])
def logout() -> BaseResponse:
    check_csrf()
    session.clear()
    return redirect(url_for("auth.login"), code=303)


class Throttle:
    """Failed sign-ins per key (address, name) within a window; in memory, per server process."""

    def __init__(self, limit: int, window_s: int) -> None:
        self.limit, self.window = limit, window_s
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, keys: Iterable[str]) -> int:
        """Seconds until another attempt is allowed (0: allowed now)."""
        now = time.monotonic()
        with self._lock:
            waits = [
                int(self.window - (now - times[0])) + 1
                for times in (self._recent(k, now) for k in keys)
                if len(times) >= self.limit
            ]
        return max(waits, default=0)

    def fail(self, keys: Iterable[str]) -> None:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)
            if len(self._failures) > 10000:  # forget idle keys rather than grow without bound
                for key in [k for k, v in self._failures.items() if not v]:
                    del self._failures[key]

    def clear(self, keys: Iterable[str]) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)
