"""Data packages: signed, verified before anything is written, installed beside the previous
data, reversible; every fault refused in one plain line with the data in use untouched."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.data import keys, packages
from desktop.data.repository import Repository
from tests.helpers.packages import build_changed, edit_database, make_package, resign, signing_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def signing(tmp_path_factory):
    """A test key (generated here; never a release key) and its public half."""
    return signing_key(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def newer_db(tmp_path_factory) -> Path:
    return build_changed(tmp_path_factory.mktemp("newer") / "relief.db")


@pytest.fixture(scope="session")
def older_db(tmp_path_factory) -> Path:
    """Newer than the bundled data too, but older than `newer_db`."""
    return build_changed(tmp_path_factory.mktemp("older") / "relief.db", source_date="2026-06-01")


@pytest.fixture(scope="session")
def package(tmp_path_factory, signing, newer_db) -> Path:
    return make_package(newer_db, signing[0], tmp_path_factory.mktemp("pkg") / "new.rapkg")


@pytest.fixture(scope="session")
def older_package(tmp_path_factory, signing, older_db) -> Path:
    return make_package(older_db, signing[0], tmp_path_factory.mktemp("pkg") / "older.rapkg")


@pytest.fixture
def user_dir(tmp_path, signing) -> Path:
    folder = tmp_path / "user"
    keys.trust(folder, signing[1])
    return folder


def snapshot(user_dir: Path) -> dict:
    """Everything under data/ (names and bytes), to show a refusal changed nothing."""
    root = packages.data_dir(user_dir)
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != packages.LOCK}


def refused(path: Path, user_dir: Path, *words: str) -> str:
    before = snapshot(user_dir)
    with pytest.raises(packages.PackageError) as caught:
        packages.install(path, user_dir)
    line = caught.value.one_line()
    assert "\n" not in caught.value.message and "Traceback" not in line
    for word in words:
        assert word in line, line
    assert snapshot(user_dir) == before, "a refusal changed the installed data"
    return line


def in_use(user_dir: Path) -> str:
    active = packages.active_database(user_dir)
    repo = Repository.open(active.path)
    try:
        assert repo.jurisdictions()
        return repo.info.content_hash
    finally:
        repo.close()


# -- the good path ----------------------------------------------------------------------------
def test_install_switches_keeps_the_previous_and_revert_goes_back(user_dir, package, newer_db,
                                                                   older_package):
    bundled = in_use(user_dir)
    manifest = packages.verify(package, user_dir)
    assert manifest.key.name == "test clinic"
    assert snapshot(user_dir) == {}  # verify writes nothing there
    packages.install(package, user_dir)
    active = packages.active_database(user_dir)
    assert active.origin == "package" and active.notice is None
    assert in_use(user_dir) == manifest.content_hash != bundled
    status = packages.status(user_dir)
    assert status["active"]["origin"] == "package"
    assert status["active"]["signed_by"].startswith("test clinic (")
    assert status["previous"]["origin"] == "bundled"
    packages.revert(user_dir)
    assert in_use(user_dir) == bundled
    assert packages.status(user_dir)["previous"]["content_hash"] == manifest.content_hash
    packages.revert(user_dir)
    assert in_use(user_dir) == manifest.content_hash
    # The bundled file is never modified.
    assert (ROOT / "db" / "relief.db").stat().st_size > 0


def test_at_most_two_versions_are_kept(user_dir, package, older_package):
    packages.install(older_package, user_dir)
    packages.install(package, user_dir)
    first = packages.read_pointer(user_dir)
    packages.install(older_package, user_dir, allow_older=True)
    pointer = packages.read_pointer(user_dir)
    assert pointer["previous"] == first["active"]
    folders = [p.name for p in packages.data_dir(user_dir).iterdir() if p.is_dir()]
    assert sorted(folders) == sorted([pointer["active"], pointer["previous"]])


def test_older_data_asks_first_and_the_same_data_is_not_installed_twice(user_dir, package,
                                                                        older_package):
    packages.install(package, user_dir)
    with pytest.raises(packages.OlderData):
        packages.install(older_package, user_dir)
    refused(package, user_dir, "already in use")


def test_clinic_notes_survive_install_and_revert(user_dir, package):
    from desktop.data.user_store import USER_DB_NAME, UserStore

    store = UserStore.open(user_dir / USER_DB_NAME)
    store.add_note("VA", "Court opens at 9")
    store.close()
    packages.install(package, user_dir)
    packages.revert(user_dir)
    packages.revert(user_dir)
    store = UserStore.open(user_dir / USER_DB_NAME)
    assert [n.text for n in store.notes("VA")] == ["Court opens at 9"]
    store.close()


# -- start-up falls back: previous, then bundled ------------------------------------------
def test_a_damaged_active_package_falls_back_to_the_previous_then_the_bundled(
        user_dir, package, older_package):
    packages.install(older_package, user_dir)
    packages.install(package, user_dir)
    pointer = packages.read_pointer(user_dir)
    active_db = packages.data_dir(user_dir) / pointer["active"] / packages.DATABASE
    data = bytearray(active_db.read_bytes())
    data[len(data) // 2] ^= 0xFF
    active_db.write_bytes(bytes(data[: len(data) - 100]))  # cut short as well
    found = packages.active_database(user_dir)
    assert found.folder == pointer["previous"]
    assert "using the previous data" in found.notice and "\n" not in found.notice
    (packages.data_dir(user_dir) / pointer["previous"] / packages.DATABASE).unlink()
    found = packages.active_database(user_dir)
    assert found.origin == "bundled" and "came with" in found.notice
    in_use(user_dir)


def test_a_damaged_pointer_means_the_bundled_data(user_dir, package):
    packages.install(package, user_dir)
    (packages.data_dir(user_dir) / packages.POINTER).write_bytes(b"{not json")
    found = packages.active_database(user_dir)
    assert found.origin == "bundled" and "damaged" in found.notice


# -- faults ----------------------------------------------------------------------------------
@pytest.fixture
def installed(user_dir, older_package) -> Path:
    """A laptop with data already installed: every refusal must leave it exactly as it is."""
    packages.install(older_package, user_dir)
    return user_dir


def test_a_changed_byte_anywhere_is_refused(installed, package, tmp_path):
    data = package.read_bytes()
    with zipfile.ZipFile(package) as zf:
        db = zf.getinfo(packages.DATABASE)
    db_start = db.header_offset + 30 + len(packages.DATABASE)
    db_end = db_start + db.file_size
    rng = random.Random(14)
    # Every byte outside the database (headers, manifest, signature, CHANGES, directory)
    # and a sample of the database's own bytes.
    positions = [i for i in range(len(data)) if not db_start <= i < db_end]
    positions = positions[::4] + list(range(db_end, len(data)))
    positions += rng.sample(range(db_start, db_end), 60)
    target = tmp_path / "tampered.rapkg"
    messages = set()
    for i in sorted(set(positions)):
        changed = bytearray(data)
        changed[i] ^= 1 << rng.randrange(8)
        target.write_bytes(bytes(changed))
        messages.add(refused(target, installed).split(" (")[0].split(":")[0][:40])
    assert len(positions) > 800
    print(f"tampered: {len(set(positions))} positions refused; messages: {sorted(messages)}")


def test_a_cut_short_package_is_refused(installed, package, tmp_path):
    data = package.read_bytes()
    target = tmp_path / "short.rapkg"
    for length in [0, 1, 21, 22, 100, *range(500, len(data), len(data) // 40), len(data) - 1]:
        target.write_bytes(data[:length])
        refused(target, installed, "cut short")


def test_a_key_this_laptop_does_not_trust_is_refused(installed, newer_db, tmp_path):
    other, public = signing_key(tmp_path, "someone else")
    pkg = make_package(newer_db, other, tmp_path / "other.rapkg")
    line = refused(pkg, installed, "does not trust", public.fingerprint)
    assert "data trust" in line


def test_a_package_for_a_newer_app_is_refused(installed, package, signing, tmp_path):
    def newer(manifest):
        manifest["schema_version"] = 2

    refused(resign(package, signing[0], tmp_path / "v2.rapkg", newer), installed,
            "newer version", "Update Relief Atlas first")

    def needs_app(manifest):
        manifest["min_app_version"] = "9.0"

    refused(resign(package, signing[0], tmp_path / "app9.rapkg", needs_app), installed,
            "needs Relief Atlas 9.0")


def test_a_database_of_a_newer_schema_inside_is_refused(installed, package, newer_db, signing,
                                                        tmp_path):
    db = edit_database(newer_db, tmp_path / "v2.db",
                       "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    pkg = resign(package, signing[0], tmp_path / "v2db.rapkg",
                 members={packages.DATABASE: db.read_bytes()})
    refused(pkg, installed, "did not pass the checks", "newer version")


@pytest.mark.parametrize("member", ["../relief.db", "/tmp/relief.db", "data/../../x.db",
                                    "C:\\evil.db"])
def test_a_member_that_points_outside_is_refused(installed, package, signing, tmp_path, member):
    pkg = resign(package, signing[0], tmp_path / "slip.rapkg",
                 names={packages.DATABASE: member})
    refused(pkg, installed, "outside its folder")
    assert not (tmp_path / "relief.db").exists() and not Path("/tmp/relief.db").exists()


def test_a_link_member_is_refused(installed, package, tmp_path):
    target = tmp_path / "link.rapkg"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == packages.CHANGES:
                info.external_attr = (0o120777 << 16)
                data = b"/etc/passwd"
            out.writestr(info, data)
    refused(target, installed, "is a link")


def test_a_zip_bomb_is_refused_without_inflating_it(installed, package, tmp_path):
    target = tmp_path / "bomb.rapkg"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            if info.filename == packages.DATABASE:
                bomb = zipfile.ZipInfo(packages.DATABASE, date_time=packages.ZIP_DATE)
                bomb.compress_type = zipfile.ZIP_DEFLATED
                with out.open(bomb, "w", force_zip64=True) as member:
                    chunk = b"\0" * (1 << 20)
                    for _ in range(256):  # 256 MB of zeros in a few hundred KB
                        member.write(chunk)
            else:
                out.writestr(info, src.read(info))
    assert target.stat().st_size < 2_000_000
    refused(target, installed, "compressed or oversized")


def test_a_full_disk_during_install_leaves_the_data_as_it_was(installed, package, monkeypatch):
    written = {"n": 0}

    def full_after_some(out, chunk):
        written["n"] += len(chunk)
        if written["n"] > 200_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        out.write(chunk)

    monkeypatch.setattr(packages, "_write_chunk", full_after_some)
    refused(package, installed, "disk is full")
    assert not [p for p in packages.data_dir(installed).iterdir()
                if p.name.startswith(packages.STAGING_PREFIX)]


def test_too_little_free_space_is_refused_before_writing(installed, package, monkeypatch):
    monkeypatch.setattr(packages.shutil, "disk_usage",
                        lambda path: shutil._ntuple_diskusage(10**9, 10**9 - 1000, 1000))
    refused(package, installed, "not enough free space")


def test_a_read_only_user_folder_is_refused_in_one_line(installed, package, monkeypatch):
    if os.geteuid() != 0:
        os.chmod(packages.data_dir(installed), 0o500)
    else:  # root writes anywhere: the file system says no instead
        real_mkdir, real_open = Path.mkdir, open

        def no_mkdir(self, *args, **kwargs):
            if str(self).startswith(str(installed)):
                raise OSError(errno.EROFS, "Read-only file system", str(self))
            return real_mkdir(self, *args, **kwargs)

        def no_write(path, mode="r", *args, **kwargs):
            if str(path).startswith(str(installed)) and set(mode) & set("wax+"):
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real_open(path, mode, *args, **kwargs)

        monkeypatch.setattr(Path, "mkdir", no_mkdir)
        monkeypatch.setattr(packages, "open", no_write, raising=False)
    try:
        refused(package, installed, "cannot be written")
    finally:
        os.chmod(packages.data_dir(installed), 0o755)
    in_use(installed)


def test_two_installs_at_once_the_second_is_refused(installed, package):
    with packages._install_lock(installed):
        refused(package, installed, "Another data update is running")
        with pytest.raises(packages.PackageError, match="Another data update"):
            packages.revert(installed)


def test_a_signed_package_whose_database_fails_validation_is_refused(installed, package,
                                                                    newer_db, signing, tmp_path):
    bad_enum = edit_database(newer_db, tmp_path / "enum.db",
                             "UPDATE relief_path SET mechanism = 'magic' WHERE rowid = 1")
    pkg = resign(package, signing[0], tmp_path / "enum.rapkg",
                 members={packages.DATABASE: bad_enum.read_bytes()})
    refused(pkg, installed, "did not pass the checks", "magic")
    no_search = edit_database(newer_db, tmp_path / "fts.db", "DROP TABLE search_index_fts")
    pkg = resign(package, signing[0], tmp_path / "fts.rapkg",
                 members={packages.DATABASE: no_search.read_bytes()})
    refused(pkg, installed, "did not pass the checks")
    not_sqlite = resign(package, signing[0], tmp_path / "junk.rapkg",
                        members={packages.DATABASE: b"hello" * 1000})
    refused(not_sqlite, installed, "did not pass the checks")


def test_a_manifest_that_lies_about_the_database_is_refused(installed, package, signing,
                                                            tmp_path):
    def other_hash(manifest):
        manifest["content_hash"] = "0" * 64

    refused(resign(package, signing[0], tmp_path / "lie.rapkg", other_hash), installed,
            "changed after it was signed")


# -- kill -9 at random points ----------------------------------------------------------------
CHILD = ROOT / "tests" / "helpers" / "install_child.py"


def _kill_at(user_dir: Path, pkg: Path, stop: int | None, free: bool) -> bool:
    """Run the child; SIGKILL it after step `stop`. True if it finished before that."""
    args = [sys.executable, str(CHILD), str(user_dir), str(pkg)] + (["--free"] if free else [])
    child = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT)
    seen = 0
    try:
        for line in child.stdout:
            if line.startswith("done"):
                break
            seen += 1
            if stop is not None and seen >= stop:
                child.kill()
                child.wait()
                return False
            if not free:
                child.stdin.write("go\n")
                child.stdin.flush()
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            stream.close()
    assert child.returncode == 0, "the install failed on its own"
    return True


def test_kill_9_at_random_points_of_an_install_always_leaves_data_that_opens(
        user_dir, package, older_package):
    packages.install(older_package, user_dir)
    hashes = {packages.verify(p, user_dir).content_hash: p for p in (package, older_package)}
    # How many steps a whole install takes, with the step-by-step child.
    rng = random.Random(9)
    survived, finished = 0, 0
    trials = 100
    counter = subprocess.run([sys.executable, str(CHILD), str(user_dir), str(package), "--free"],
                             capture_output=True, text=True, cwd=ROOT)
    steps = counter.stdout.count("step ")
    assert counter.returncode == 0 and steps > 20
    for trial in range(trials):
        current = in_use(user_dir)
        assert current in hashes
        other = next(p for h, p in hashes.items() if h != current)
        free = trial % 4 == 0  # a quarter run freely and die wherever they are
        if _kill_at(user_dir, other, rng.randint(1, steps), free):
            finished += 1
        after = in_use(user_dir)  # the data in use opens and reads: old or new, never neither
        assert after in (current, packages.verify(other, user_dir).content_hash)
        assert packages.active_database(user_dir).notice is None
        survived += 1
        if trial % 25 == 0:  # and a real command, in its own process, reads it
            env = dict(os.environ, RELIEF_ATLAS_DATA_DIR=str(user_dir))
            ran = subprocess.run([sys.executable, "-m", "desktop", "screen", "--state", "VA",
                                  "--json"], capture_output=True, text=True, env=env, cwd=ROOT)
            assert ran.returncode == 0, ran.stderr
    assert survived == trials
    print(f"kill -9: {survived} killed installs survived ({finished} finished first); "
          f"{steps} steps per install")
    # A kill leaves at most stale staging folders, which the next install removes.
    packages.install(package if in_use(user_dir) != packages.verify(package, user_dir)
                     .content_hash else older_package, user_dir, allow_older=True)
    left = [p.name for p in packages.data_dir(user_dir).iterdir() if p.is_dir()]
    assert len(left) <= 2, left


def test_a_second_install_while_one_is_running_is_refused(user_dir, package, older_package):
    """Two installs at once, in two processes: the second says so; the first completes."""
    packages.install(older_package, user_dir)
    child = subprocess.Popen([sys.executable, str(CHILD), str(user_dir), str(package)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        first = child.stdout.readline()  # the child holds the lock and waits at its first step
        assert first.startswith("step")
        env = dict(os.environ, RELIEF_ATLAS_DATA_DIR=str(user_dir))
        second = subprocess.run([sys.executable, "-m", "desktop", "data", "install",
                                 str(package)], capture_output=True, text=True, env=env,
                                cwd=ROOT)
        assert second.returncode == 1
        assert second.stderr.strip().count("\n") == 0
        assert "Another data update is running" in second.stderr
        assert "The data in use was not changed." in second.stderr
        line = first
        while line.startswith("step"):
            child.stdin.write("go\n")
            child.stdin.flush()
            line = child.stdout.readline()
    finally:
        child.stdin.close()
        child.wait()
        child.stdout.close()
    assert child.returncode == 0
    assert in_use(user_dir) == packages.verify(package, user_dir).content_hash


def test_the_package_holds_what_the_issue_asks(package):
    with zipfile.ZipFile(package) as zf:
        assert zf.namelist() == list(packages.MEMBERS)
        manifest = json.loads(zf.read(packages.MANIFEST))
        changes = zf.read(packages.CHANGES).decode()
    for key in ("package_id", "data_version", "data_as_of", "schema_version",
                "min_app_version", "languages", "row_counts", "members"):
        assert key in manifest
    assert manifest["languages"][0] == "en"
    assert set(manifest["members"]) == {packages.CHANGES, packages.DATABASE}
    assert "Virginia: “Automatic sealing" in changes
    assert "” — start of the eligibility window set to July 1, 2026." in changes


def test_an_installed_version_says_who_signed_it_and_which_file_it_came_from(user_dir, package):
    """installed.json is read in one place (data_in_use.installed_record) for the signer the
    status line names and the file name File → Update data… shows; a damaged one is empty."""
    from desktop.data.data_in_use import INSTALLED, data_dir, installed_record

    packages.install(package, user_dir)
    active = packages.active_database(user_dir)
    record = installed_record(user_dir, active.folder)
    assert record["installed_from"] == package.name
    assert active.signer == f"{record['signer']} ({record['fingerprint']})"
    (data_dir(user_dir) / active.folder / INSTALLED).write_text("[1, 2]")
    assert installed_record(user_dir, active.folder) == {}
    assert packages.active_database(user_dir).signer is None
