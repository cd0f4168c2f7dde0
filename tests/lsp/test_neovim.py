"""A real client: headless Neovim (Debian's 0.7.2 in CI) with the shipped
editors/neovim/example-init.lua opens a vacancy, receives vacaturelint diagnostics,
and sees them go away after an edit in the buffer (incremental sync, never saved).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import needs_program

ROOT = Path(__file__).resolve().parents[2]
INIT = ROOT / "editors" / "neovim" / "example-init.lua"

pytestmark = [
    pytest.mark.slow,
    needs_program(shutil.which("nvim") is not None, "neovim"),
]

CHECK = r"""
local out = os.getenv('NVIM_TEST_OUT')
local result = { clients = {} }
local function snapshot()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, { source = d.source, code = lsp.code or d.code, lnum = d.lnum, col = d.col,
                         end_col = d.end_col, message = d.message })
  end
  return list
end
result.opened = vim.wait(90000, function() return #vim.diagnostic.get(0) > 0 end, 50)
result.first = snapshot()
for _, c in pairs(vim.lsp.buf_get_clients(0)) do table.insert(result.clients, c.name) end
result.filetype = vim.bo.filetype
-- Edit the buffer (not the file): replace every line with clean text.
vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'Wij zoeken een collega voor onze winkel.' })
result.cleared = vim.wait(30000, function() return #vim.diagnostic.get(0) == 0 end, 50)
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qa!')
"""


def run_nvim(tmp_path: Path, name: str, text: str) -> dict:
    vacancy = tmp_path / name
    vacancy.write_text(text, encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    out = tmp_path / f"{name}.json"
    env = {
        **os.environ,
        "VACATURELINT_LSP_CMD": f"{sys.executable} -m vacaturelint lsp",
        "PYTHONPATH": str(ROOT),
        "NVIM_TEST_OUT": str(out),
        "HOME": str(tmp_path),  # no user config, shada or plugins
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    proc = subprocess.run(
        ["nvim", "--headless", "-n", "-i", "NONE", "-u", str(INIT), str(vacancy), "-c", "luafile check.lua"],
        cwd=tmp_path, env=env, capture_output=True, timeout=180,
    )
    assert out.exists(), f"nvim wrote no result (exit {proc.returncode}): {proc.stdout!r} {proc.stderr!r}"
    return json.loads(out.read_text(encoding="utf-8"))


def test_neovim_receives_diagnostics_for_markdown(tmp_path: Path):
    text = (ROOT / "examples" / "vacature-voorbeeld.md").read_text(encoding="utf-8")
    result = run_nvim(tmp_path, "vacature.md", text)
    assert result["filetype"] == "markdown" and result["clients"] == ["vacaturelint"]
    assert result["opened"], result
    first = result["first"]
    assert {d["source"] for d in first} == {"vacaturelint"}
    codes = {d["code"] for d in first}
    assert {"LFT001", "GSL002", "HKM001"} <= codes
    lft = next(d for d in first if d["code"] == "LFT001")
    line = text.splitlines()[lft["lnum"]]
    # Neovim reports byte columns: the underlined text is the flagged phrase.
    assert line.encode("utf-8")[lft["col"]:lft["end_col"]].decode("utf-8") == "jong en dynamisch team"
    assert result["cleared"], result


def test_neovim_plain_text_buffer(tmp_path: Path):
    result = run_nvim(tmp_path, "vacature.txt", "Wij zoeken een jonge verkoopster (m/v).\n")
    assert result["filetype"] == "text"  # sent as languageId "text" by Neovim 0.7
    assert result["opened"], result
    assert {"GSL001", "GSL002"} <= {d["code"] for d in result["first"]}
    assert result["cleared"], result
