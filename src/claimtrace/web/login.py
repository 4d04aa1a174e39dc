"""The login form: the access token typed once in the browser sets a session cookie
(HttpOnly, SameSite=Strict; its value is derived from the token, not the token)."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from claimtrace.web.deps import Settings, settings
from claimtrace.web.pages import page
from claimtrace.web.security import SESSION_COOKIE, session_value

router = APIRouter(include_in_schema=False)
Next = Annotated[str, Query(max_length=2000)]


def local(target: str) -> str:
    """``target`` when it is a path on this server, else "/" (no open redirect)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) and "\n" not in target:
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(s: Annotated[Settings, Depends(settings)], next: Next = "/") -> Response:
    if s.token is None:
        return RedirectResponse(local(next), status_code=303)  # nothing to sign in to
    return page("login.html", next=local(next), failed=False)


@router.post("/login", response_class=HTMLResponse)
def login(
    s: Annotated[Settings, Depends(settings)],
    token: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    if s.token is None:
        return RedirectResponse(local(next), status_code=303)
    if not hmac.compare_digest(token.encode("utf-8"), s.token.encode("utf-8")):
        return page("login.html", status=401, next=local(next), failed=True)
    response = RedirectResponse(local(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, session_value(s.token), httponly=True,
                        samesite="strict", path="/", max_age=7 * 24 * 3600)  # fmt: skip
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response
