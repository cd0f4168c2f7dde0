"""The Starlette application: page, assets, ``/healthz``, ``/api/rules``, ``/api/lint``.

Every error is a JSON object ``{"error": "<één Nederlandse regel>"}`` with the right
status, never a traceback. With a token, every ``/api/`` call must carry
``Authorization: Bearer <token>``. Nothing the user posts is stored or logged.
"""

from __future__ import annotations

import hmac
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from vacaturelint import __version__
from vacaturelint.serve import page
from vacaturelint.serve.validate import (
    MAX_BODY,
    ApiError,
    check_content_type,
    check_length,
    lint_request,
    parse_json,
    too_large,
)
from vacaturelint.serve.worker import READY, LintWorker

STATUS_NL = {404: "niet gevonden", 405: "deze methode is hier niet toegestaan"}
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def json_error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status, headers=COMMON_HEADERS)


def create_app(worker: LintWorker, token: str | None = None) -> Starlette:
    """The web app over ``worker``; the worker's model loads when the app starts."""

    def authorized(request: Request) -> bool:
        if not token:
            return True
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())

    def unauthorized() -> JSONResponse:
        response = json_error(401, "toegangstoken ontbreekt of klopt niet (stuur 'Authorization: Bearer TOKEN')")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response

    async def index(_: Request) -> Response:
        return Response(page.html(token_required=bool(token)), media_type="text/html; charset=utf-8",
                        headers={**COMMON_HEADERS, "Content-Security-Policy": page.CSP})

    async def asset(request: Request) -> Response:
        found = page.asset(request.path_params["name"])
        if found is None:
            return json_error(404, STATUS_NL[404])
        body, media_type = found
        return Response(body, media_type=media_type, headers=COMMON_HEADERS)

    async def healthz(_: Request) -> JSONResponse:
        body = {"status": worker.state, "model": worker.model_name, "version": __version__,
                "pending": worker.pending}
        if worker.error:
            body["error"] = worker.error
        return JSONResponse(body, status_code=200 if worker.state == READY else 503, headers=COMMON_HEADERS)

    async def rules(request: Request) -> JSONResponse:
        if not authorized(request):
            return unauthorized()
        return JSONResponse({"rules": worker.rules()}, headers=COMMON_HEADERS)

    async def lint(request: Request) -> JSONResponse:
        if not authorized(request):
            return unauthorized()
        try:
            check_content_type(request.headers.get("content-type"))
            check_length(request.headers.get("content-length"))
            body = bytearray()
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    raise too_large()
            data = parse_json(bytes(body))
            answer = await worker.lint(lint_request(data, worker.is_known_selector))
        except ApiError as error:
            headers = {"Retry-After": "2"} if error.status == 503 else {}
            response = json_error(error.status, error.message, **error.extra)
            response.headers.update(headers)
            return response
        return JSONResponse(answer, headers=COMMON_HEADERS)

    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        message = STATUS_NL.get(exc.status_code, "het verzoek kan niet worden verwerkt")
        response = json_error(exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def server_error(_: Request, __: Exception) -> JSONResponse:
        return json_error(500, "interne fout in vacaturelint; de fout staat in het serverlogboek")

    @asynccontextmanager
    async def lifespan(_: Starlette):
        worker.start()
        try:
            yield
        finally:
            worker.close()

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/assets/{name}", asset, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/api/rules", rules, methods=["GET"]),
        Route("/api/lint", lint, methods=["POST"]),
    ]
    return Starlette(routes=routes, lifespan=lifespan,
                     exception_handlers={HTTPException: http_error, Exception: server_error})
