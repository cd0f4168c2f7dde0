"""While the model loads: the real app in-process, before its worker has started (an
ASGI transport runs no lifespan, so the model never loads), so "loading" is certain,
not a race against a server process."""

from __future__ import annotations

import httpx

from vacaturelint.engine import Options
from vacaturelint.serve.app import create_app
from vacaturelint.serve.worker import LintWorker


async def test_loading_state_page_health_and_lint():
    transport = httpx.ASGITransport(app=create_app(LintWorker(Options(isolated=True))))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        health = await client.get("/healthz")
        assert health.status_code == 503 and health.json()["status"] == "loading"
        assert "model laden..." in (await client.get("/")).text
        response = await client.post("/api/lint", json={"text": "Je bent maximaal 35 jaar."})
        assert response.status_code == 503 and response.headers["retry-after"]
        assert response.json() == {"error": "model laden...; probeer het zo opnieuw", "state": "loading"}
        assert (await client.get("/api/rules")).status_code == 200  # the rules need no model
