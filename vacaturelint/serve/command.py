"""``vacaturelint serve [--host 127.0.0.1] [--port 8484]``: the web page and HTTP API.

Only loopback hosts are allowed without a token; with ``--token`` (or
``VACATURELINT_TOKEN``) every API call must carry it. The socket is bound before the
server starts, so ``--port 0`` picks a free port, and the address is printed on
stderr (``vacaturelint: webpagina op http://HOST:PORT/``). The model loads in the
background; if it cannot be loaded, the server stops with exit code 2. Usage errors:
one Dutch line, exit 2. This module imports neither Starlette nor uvicorn at import
time: without the extra ``vacaturelint[serve]`` the command says how to install it.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
import sys

import click

from vacaturelint.cli_shared import DutchCommand
from vacaturelint.errors import VacaturelintError

EXIT_ERROR = 2
INSTALL_HINT = "pip install 'vacaturelint[serve]'"


def fail(message: str) -> None:
    click.echo(f"vacaturelint: fout: {message}", err=True)
    sys.exit(EXIT_ERROR)


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: a free port), or exit 2."""
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        fail(f"onbekend adres '{host}' voor --host")
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        fail(f"kan niet luisteren op {host}:{port} ({error.strerror or error})")
    return sock


def url_of(sock: socket.socket, host: str) -> str:
    port = sock.getsockname()[1]
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{shown}:{port}/"


@click.command(cls=DutchCommand)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Adres om op te luisteren. Een ander adres dan 127.0.0.1/localhost vraagt een token.", metavar="ADRES")
@click.option("--port", type=click.IntRange(0, 65535), default=8484, show_default=True,
              help="Poort (0: een vrije poort; het adres wordt gemeld).", metavar="POORT")
@click.option("--token", envvar="VACATURELINT_TOKEN", default=None,
              help="Toegangstoken, verplicht bij elke API-aanroep (Authorization: Bearer TOKEN). "
                   "Ook: VACATURELINT_TOKEN.", metavar="TOKEN")
@click.option("--model", help="spaCy-model (naam of pad), of 'blank'. Ook: VACATURELINT_MODEL.", metavar="NAAM|PAD")
@click.option("-c", "--config", "config_path", help="Configuratiebestand (anders: gezocht vanaf de huidige map).", metavar="BESTAND")
@click.option("--isolated", is_flag=True, help="Negeer alle configuratiebestanden.")
@click.option("--timeout", type=click.FloatRange(0, 600, min_open=True), default=30.0, show_default=True,
              help="Tijdslimiet per verzoek in seconden (wachten plus controleren).", metavar="SECONDEN")
def serve(host, port, token, model, config_path, isolated, timeout) -> None:
    """Start de webpagina en HTTP-API (POST /api/lint, GET /api/rules, GET /healthz)."""
    try:
        import starlette  # noqa: F401
        import uvicorn
    except ImportError:
        fail(f"'vacaturelint serve' heeft extra pakketten nodig: {INSTALL_HINT}")
        return
    token = (token or "").strip() or None
    if not is_loopback(host) and token is None:
        fail(f"--host {host} is ook vanaf andere computers bereikbaar; geef een toegangstoken met --token "
             "of VACATURELINT_TOKEN, of gebruik --host 127.0.0.1")

    from vacaturelint.engine import Options
    from vacaturelint.serve.app import create_app
    from vacaturelint.serve.worker import LintWorker

    failure: list[str] = []
    server: uvicorn.Server | None = None

    def model_failed(message: str) -> None:  # called on the worker thread
        failure.append(message)
        if server is not None:
            server.should_exit = True

    try:
        worker = LintWorker(Options(model=model, config=config_path, isolated=isolated), timeout=timeout,
                            on_failure=model_failed)
    except VacaturelintError as error:
        fail(str(error))
        return
    sock = bind(host, port)
    config = uvicorn.Config(create_app(worker, token), log_level="warning", access_log=False,
                            timeout_graceful_shutdown=5, lifespan="on")
    server = uvicorn.Server(config)
    url = url_of(sock, host)
    protection = "; elke API-aanroep vraagt het token" if token else ""
    click.echo(f"vacaturelint: webpagina op {url} (model '{worker.model_name}' wordt geladen{protection}; "
               "stoppen met Ctrl+C)", err=True)
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again for the
    # handler it found: make both end here, in a clean exit 0 instead of "Aborted!" or -15.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()
    if failure:
        fail(failure[0])
    click.echo("vacaturelint: server gestopt", err=True)


def _interrupt(*_) -> None:
    raise KeyboardInterrupt
