"""`relief-atlas data ...` end to end on the real data, in child processes, as a coordinator
runs it; and every command that reads data uses the data in use unless --db is given."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def data(*args: str, user_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, RELIEF_ATLAS_DATA_DIR=str(user_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, input=stdin, timeout=120)


@pytest.fixture(scope="module")
def newer_db(tmp_path_factory) -> Path:
    from tests.helpers.packages import build_changed

    return build_changed(tmp_path_factory.mktemp("cli") / "newer.db")


def test_keygen_trust_pack_verify_install_status_diff_revert(tmp_path, newer_db):
    user = tmp_path / "laptop"
    prefix = tmp_path / "clinic"
    made = data("data", "keygen", "--out", str(prefix), user_dir=user)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "clinic.key").stat().st_mode & 0o077 == 0  # secret: owner only
    fingerprint = made.stdout.split("Fingerprint: ")[1].strip()

    pkg = tmp_path / "update.rapkg"
    packed = data("data", "pack", "--db", str(newer_db), "--key", str(prefix) + ".key",
                  "--out", str(pkg), user_dir=user)
    assert packed.returncode == 0, packed.stderr
    assert fingerprint in packed.stdout

    untrusted = data("data", "verify", str(pkg), user_dir=user)
    assert untrusted.returncode == 1
    assert "does not trust" in untrusted.stderr and fingerprint in untrusted.stderr
    assert untrusted.stderr.count("\n") == 1

    declined = data("data", "trust", str(prefix) + ".pub", user_dir=user, stdin="n\n")
    assert declined.returncode == 1 and fingerprint in declined.stdout
    trusted = data("data", "trust", str(prefix) + ".pub", user_dir=user, stdin="y\n")
    assert trusted.returncode == 0, trusted.stderr

    verified = data("data", "verify", str(pkg), "--changes", user_dir=user)
    assert verified.returncode == 0, verified.stderr
    assert "start of the eligibility window set to July 1, 2026" in verified.stdout
    assert not (user / "data" / "current.json").exists()

    # Before the install, `screen` reads the bundled data; after it, the package's.
    before = json.loads(data("data", "status", "--json", user_dir=user).stdout)
    assert before["active"]["origin"] == "bundled" and before["previous"] is None
    installed = data("data", "install", str(pkg), user_dir=user)
    assert installed.returncode == 0, installed.stderr
    after = json.loads(data("data", "status", "--json", user_dir=user).stdout)
    assert after["active"]["origin"] == "package"
    assert after["active"]["data_as_of"] == "2026-11-20"
    assert after["previous"]["origin"] == "bundled"
    assert after["previous"]["content_hash"] == before["active"]["content_hash"]

    screened = data("screen", "--state", "VA", "--json", user_dir=user)
    assert screened.returncode == 0, screened.stderr
    sealing = next(r for r in json.loads(screened.stdout) if r["path_id"] == "VA-automatic-sealing")
    assert sealing  # the package's data answers

    diff = data("data", "diff", user_dir=user)
    assert diff.returncode == 0, diff.stderr
    assert "Virginia: “Automatic sealing" in diff.stdout
    assert "” — start of the eligibility window set to July 1, 2026." in diff.stdout
    assert "Virginia: new count “more than 250,000 records”" in diff.stdout

    again = data("data", "install", str(pkg), user_dir=user)
    assert again.returncode == 1 and "already in use" in again.stderr

    reverted = data("data", "revert", user_dir=user)
    assert reverted.returncode == 0 and "came with Relief Atlas" in reverted.stdout
    back = json.loads(data("data", "status", "--json", user_dir=user).stdout)
    assert back["active"]["content_hash"] == before["active"]["content_hash"]
    assert back["previous"]["origin"] == "package"


def test_db_overrides_the_data_in_use_and_diff_reads_packages(tmp_path, newer_db):
    user = tmp_path / "laptop"
    explicit = data("--db", str(newer_db), "screen", "--state", "VA", "--json", user_dir=user)
    assert explicit.returncode == 0, explicit.stderr
    diffed = data("data", "diff", str(ROOT / "db" / "relief.db"), str(newer_db), user_dir=user)
    assert diffed.returncode == 0 and "Virginia:" in diffed.stdout


def test_bad_arguments_and_missing_files_are_one_line(tmp_path):
    user = tmp_path / "laptop"
    missing = data("data", "install", str(tmp_path / "nope.rapkg"), user_dir=user)
    assert missing.returncode == 1 and "was not found" in missing.stderr
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
    nothing = data("data", "revert", user_dir=user)
    assert nothing.returncode == 1 and "no previous data" in nothing.stderr
    usage = data("data", "pack", "--db", "x.db", user_dir=user)
    assert usage.returncode == 2 and usage.stderr.count("\n") == 1
    not_a_key = tmp_path / "x.pub"
    not_a_key.write_text("hello")
    bad_key = data("data", "trust", str(not_a_key), "--yes", user_dir=user)
    assert bad_key.returncode == 1 and "not a Relief Atlas public key" in bad_key.stderr
