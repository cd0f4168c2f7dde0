"""The pre-commit hook, end to end with the real pre-commit and real git commits.

The hook repository is a throwaway git repository holding the current working tree
of the project (pre-commit only sees committed files, and `try-repo` only staged or
tracked ones), committed with a fixed author and date: unchanged sources give the
same commit, so the hook environment in ``build/pre-commit/home`` (pip-installs
spaCy from PyPI, about a minute) is built once and reused by later test sessions.
The vacancy repositories are temporary git repositories with a real
``.pre-commit-config.yaml``; the model reaches the hook through
``$VACATURELINT_MODEL``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MODEL, ROOT

# Absolute, because the hook runs in another directory.
HOOK_MODEL = str(Path(MODEL).resolve()) if Path(MODEL).exists() else MODEL

pytestmark = pytest.mark.slow

BUILD = ROOT / "build" / "pre-commit"
HOOK_FILES = ("pyproject.toml", "README.md", "rules.yaml", ".pre-commit-hooks.yaml", "vacaturelint")
FIXED_DATE = "2000-01-01T00:00:00+0000"

# Our own short vacancy texts (never corpus texts).
BAD_MD = """# Verkoopster gezocht

Wij zoeken een enthousiaste verkoopster voor onze winkel.
Je bent maximaal 35 jaar en hebt Nederlands als moedertaal.
"""
CLEAN_MD = """# Verkoopmedewerker gezocht

Wij zoeken een enthousiaste verkoopmedewerker voor onze winkel in Utrecht.
Je spreekt Nederlands op B2-niveau en werkt graag met klanten.
"""
BAD_HTML = ("<html><body><h1>Barman (m/v)</h1>"
            "<p>Je spreekt accentloos Nederlands en stuurt een pasfoto mee.</p></body></html>\n")
CLEAN_HTML = ("<html><body><h1>Barmedewerker</h1>"
              "<p>Je bent gastvrij en werkt graag in een team.</p></body></html>\n")
BAD_TXT = "Monteur gezocht. Je bent tussen de 25 en 35 jaar oud en woonachtig in Utrecht.\n"
CLEAN_TXT = "Monteur gezocht. Je hebt minimaal 3 jaar ervaring en een afgeronde mbo-opleiding.\n"


def _git(repo: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)


def _base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1",
               PRE_COMMIT_HOME=str(BUILD / "home"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def _hook_sources() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *HOOK_FILES],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return sorted(p for p in listed.split("\0") if p and (ROOT / p).is_file())


@pytest.fixture(scope="session")
def hook_repo() -> tuple[Path, str]:
    """A git repository with the project's working tree committed; returns (path, sha)."""
    repo = BUILD / "hookrepo"
    shutil.rmtree(repo, ignore_errors=True)
    repo.mkdir(parents=True)
    for rel in _hook_sources():
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, repo / rel)
    env = {**_base_env(), "GIT_AUTHOR_NAME": "vacaturelint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
           "GIT_AUTHOR_DATE": FIXED_DATE, "GIT_COMMITTER_NAME": "vacaturelint tests",
           "GIT_COMMITTER_EMAIL": "tests@example.invalid", "GIT_COMMITTER_DATE": FIXED_DATE}
    _git(repo, "init", "-q", "-b", "main", env=env)
    _git(repo, "add", "-A", env=env)
    _git(repo, "commit", "-q", "-m", "vacaturelint working tree for hook tests", env=env)
    sha = _git(repo, "rev-parse", "HEAD", env=env).stdout.strip()
    # Keep one hook environment: drop the store when the sources changed.
    marker = BUILD / "home.sha"
    if not marker.is_file() or marker.read_text() != sha:
        shutil.rmtree(BUILD / "home", ignore_errors=True)
        marker.write_text(sha)
    return repo, sha


class VacancyRepo:
    """A temporary vacancy repository using the hook through a real config."""

    def __init__(self, path: Path, hook_repo: tuple[Path, str]) -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.hook_path, self.sha = hook_repo
        self.env = {**_base_env(), "VACATURELINT_MODEL": HOOK_MODEL}
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Recruiter")
        self.git("config", "user.email", "recruiter@example.invalid")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str) -> subprocess.CompletedProcess:
        return _git(self.path, *args, env=self.env)

    def configure(self, hook_id: str = "vacaturelint", args: list[str] | None = None) -> None:
        lines = ["repos:", f"-   repo: {self.hook_path}", f"    rev: {self.sha}", "    hooks:",
                 f"    -   id: {hook_id}"]
        if args:
            lines.append(f"        args: [{', '.join(args)}]")
        self.write(".pre-commit-config.yaml", "\n".join(lines) + "\n")
        self.git("add", ".pre-commit-config.yaml")

    def write(self, rel: str, text: str) -> None:
        target = self.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def pre_commit(self, *args: str, env=None) -> subprocess.CompletedProcess:
        return self._run([sys.executable, "-m", "pre_commit", *args], env)

    def commit(self, message: str) -> subprocess.CompletedProcess:
        return self._run(["git", "commit", "-m", message], None)

    def commits(self) -> int:
        done = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=self.path, env=self.env,
                              capture_output=True, text=True)
        return int(done.stdout) if done.returncode == 0 else 0

    def _run(self, cmd: list[str], env) -> subprocess.CompletedProcess:
        done = subprocess.run(cmd, cwd=self.path, env=env or self.env, capture_output=True, text=True,
                              timeout=1800)
        done.output = done.stdout + done.stderr
        return done


@pytest.fixture(scope="session")
def hook_env(hook_repo, tmp_path_factory) -> float:
    """Build the hook environment once per session; returns the seconds it took."""
    repo = VacancyRepo(tmp_path_factory.mktemp("warmup"), hook_repo)
    repo.configure()
    started = time.monotonic()
    done = repo.pre_commit("install-hooks")
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.output
    print(f"\npre-commit hook environment ready in {seconds:.1f} s")
    return seconds


@pytest.fixture
def vacancies(hook_repo, hook_env, tmp_path) -> VacancyRepo:
    repo = VacancyRepo(tmp_path / "vacatures", hook_repo)
    repo.configure()
    return repo


def test_commit_with_problems_is_blocked_and_clean_commit_passes(vacancies):
    done = vacancies.pre_commit("install")
    assert done.returncode == 0, done.output

    vacancies.write("verkoper.md", BAD_MD)
    vacancies.git("add", "verkoper.md")
    blocked = vacancies.commit("Vacature verkoper")
    assert blocked.returncode != 0, blocked.output
    assert vacancies.commits() == 0
    assert "vacaturelint" in blocked.output and "Failed" in blocked.output
    assert "- exit code: 1" in blocked.output
    for rule in ("GSL002", "LFT002", "HKM001"):
        assert f"[{rule}]" in blocked.output
    assert "verkoper.md:4:" in blocked.output  # findings with positions
    assert "Traceback" not in blocked.output

    vacancies.write("verkoper.md", CLEAN_MD)
    vacancies.git("add", "verkoper.md")
    passed = vacancies.commit("Vacature verkoper, inclusief")
    assert passed.returncode == 0, passed.output
    assert "vacaturelint" in passed.output and "Passed" in passed.output
    assert vacancies.commits() == 1


def test_run_all_files_reports_only_bad_files(vacancies):
    files = {"bad.md": BAD_MD, "good.md": CLEAN_MD, "web/bad.html": BAD_HTML, "web/good.html": CLEAN_HTML,
             "tekst/bad.txt": BAD_TXT, "tekst/good.txt": CLEAN_TXT,
             # Not a vacancy type: never passed to the hook, despite the wording.
             "scripts/tool.py": f"TEXT = {BAD_TXT!r}\n"}
    for rel, text in files.items():
        vacancies.write(rel, text)
    vacancies.git("add", "-A")
    done = vacancies.pre_commit("run", "--all-files")
    assert done.returncode == 1, done.output
    for bad in ("bad.md:", "web/bad.html:", "tekst/bad.txt:"):
        assert bad in done.output
    for good in ("good.md", "good.html", "good.txt", "tool.py"):
        assert good not in done.output
    assert "Traceback" not in done.output


def test_config_and_inline_suppression_are_honoured(vacancies):
    residence = "Servicemonteur gezocht. Je bent woonachtig in Utrecht.\n"
    native = "# Klantenservice\n\nJe hebt Nederlands als moedertaal.\n"
    suppressed = ("# Klantenservice\n\n"
                  "<!-- vacaturelint-disable-next-line HKM001 -- citaat uit de oude vacature, wordt herschreven -->\n"
                  "Je hebt Nederlands als moedertaal.\n")
    vacancies.write("team-a/.vacaturelint.yaml", "ignore: [FNE004]\n")
    vacancies.write("team-a/monteur.txt", residence)
    vacancies.write("klantenservice-oud.md", suppressed)
    vacancies.pre_commit("install")
    vacancies.git("add", "-A")
    passed = vacancies.commit("Config en onderdrukking")
    assert passed.returncode == 0, passed.output
    assert vacancies.commits() == 1

    # The same wording without the config or the suppression is stopped.
    vacancies.write("team-b/monteur.txt", residence)
    vacancies.write("klantenservice.md", native)
    vacancies.git("add", "-A")
    blocked = vacancies.commit("Zonder config en onderdrukking")
    assert blocked.returncode != 0, blocked.output
    assert "team-b/monteur.txt:1:" in blocked.output and "[FNE004]" in blocked.output
    assert "klantenservice.md:3:" in blocked.output and "[HKM001]" in blocked.output
    assert vacancies.commits() == 1

    done = vacancies.pre_commit("run", "--all-files")
    assert done.returncode == 1
    assert "team-a/monteur.txt" not in done.output
    assert "klantenservice-oud.md" not in done.output


def test_hook_args_select_and_min_severity(vacancies):
    vacancies.write("leeftijd.txt", "Je bent maximaal 35 jaar.\n")            # error, leeftijd
    vacancies.write("titel.txt", "Wij zoeken een verkoopster.\n")             # warning, geslacht
    vacancies.write("voorkeur.txt", "Wij zoeken alleen vrouwelijke kandidaten.\n")  # error, geslacht
    vacancies.git("add", "-A")
    plain = vacancies.pre_commit("run", "--all-files")
    assert plain.returncode == 1, plain.output
    for name in ("leeftijd.txt:", "titel.txt:", "voorkeur.txt:"):
        assert name in plain.output

    vacancies.configure(args=["--select", "geslacht", "--min-severity", "error"])
    narrowed = vacancies.pre_commit("run", "--all-files")
    assert narrowed.returncode == 1, narrowed.output
    assert "voorkeur.txt:1:" in narrowed.output and "[GSL003]" in narrowed.output
    assert "leeftijd.txt" not in narrowed.output  # not selected
    assert "titel.txt" not in narrowed.output  # below error


def test_without_model_one_line_install_message(vacancies):
    vacancies.write("vacature.md", BAD_MD)
    vacancies.git("add", "-A")
    env = {k: v for k, v in vacancies.env.items() if k != "VACATURELINT_MODEL"}
    done = vacancies.pre_commit("run", "--all-files", env=env)
    assert done.returncode == 1, done.output
    assert "- exit code: 2" in done.output
    assert "Traceback" not in done.output
    errors = [line for line in done.output.splitlines() if line.startswith("vacaturelint: fout:")]
    assert len(errors) == 1, done.output
    assert "nl_core_news_sm" in errors[0] and "installeer" in errors[0]


def test_blank_hook_runs_without_model(vacancies):
    vacancies.configure(hook_id="vacaturelint-blank")
    vacancies.write("vacature.md", BAD_MD)
    vacancies.write("web/vacature.html", BAD_HTML)
    vacancies.git("add", "-A")
    env = {k: v for k, v in vacancies.env.items() if k != "VACATURELINT_MODEL"}
    done = vacancies.pre_commit("run", "--all-files", env=env)
    assert done.returncode == 1, done.output
    assert "- exit code: 1" in done.output
    assert "vacature.md:4:" in done.output and "[HKM001]" in done.output
    assert "web/vacature.html:1:" in done.output and "[HKM002]" in done.output
    assert "model 'blank'" in done.output and "overgeslagen regels" in done.output
    assert "Traceback" not in done.output
