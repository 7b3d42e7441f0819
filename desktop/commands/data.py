"""`relief-atlas data ...`: signed data packages from the command line.

    relief-atlas data keygen --out PREFIX          # PREFIX.key (secret), PREFIX.pub
    relief-atlas data trust PUBFILE [--yes]
    relief-atlas data pack --db DB --key PREFIX.key --out FILE.rapkg [--since OLD.db]
    relief-atlas data verify FILE.rapkg
    relief-atlas data install FILE.rapkg [--allow-older]
    relief-atlas data revert
    relief-atlas data status [--json]
    relief-atlas data diff [OLD] [NEW]     # databases or packages; default: previous → active

Every refusal is one line on stderr and exit code 1 (2 for bad arguments); the data in use
is never changed by a refusal. The work is done by `desktop.data.packages`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from desktop.commands import Parser, tolerant_output

NAME = "data"
HELP = ("data packages: make a signing key, pack and sign data, verify, install or revert "
        "it, show which data is in use and what changed")
EXIT_REFUSED = 1
EXIT_BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True,
                                parser_class=_DataParser)
    keygen = sub.add_parser("keygen", help="make a signing key pair: PREFIX.key and PREFIX.pub")
    keygen.add_argument("--out", type=Path, required=True, metavar="PREFIX")
    keygen.add_argument("--name", help="the key's name, shown to whoever trusts it")
    trust = sub.add_parser("trust", help="trust data signed with this public key")
    trust.add_argument("pubfile", type=Path, metavar="PUBFILE")
    trust.add_argument("--yes", action="store_true", help="do not ask to confirm")
    pack = sub.add_parser("pack", help="sign a database into a data package")
    pack.add_argument("--db", type=Path, required=True, metavar="DB")
    pack.add_argument("--key", type=Path, required=True, metavar="PREFIX.key")
    pack.add_argument("--out", type=Path, required=True, metavar="FILE.rapkg")
    pack.add_argument("--since", type=Path, metavar="OLD.db",
                      help="the database CHANGES is computed against (default: the bundled one)")
    pack.add_argument("--data-version", help="a version name (default: as-of date + hash)")
    verify = sub.add_parser("verify", help="check a data package without installing it")
    verify.add_argument("package", type=Path, metavar="FILE.rapkg")
    verify.add_argument("--changes", action="store_true", help="also print its CHANGES")
    install = sub.add_parser("install", help="verify and install a data package")
    install.add_argument("package", type=Path, metavar="FILE.rapkg")
    install.add_argument("--allow-older", action="store_true",
                         help="install even if it is older than the data in use")
    sub.add_parser("revert", help="go back to the previous data")
    status = sub.add_parser("status", help="which data is in use, and the previous")
    status.add_argument("--json", action="store_true")
    diff = sub.add_parser("diff", help="what changed, per place (databases or packages)")
    diff.add_argument("old", type=Path, nargs="?", metavar="OLD")
    diff.add_argument("new", type=Path, nargs="?", metavar="NEW")


class _DataParser(Parser):
    """Every complaint of an action names the command only: "relief-atlas data: ..."."""

    def error(self, message: str) -> NoReturn:
        print(f"relief-atlas data: {' '.join(message.split())}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


def _fail(message: str) -> int:
    print(" ".join(message.split()), file=sys.stderr)
    return EXIT_REFUSED


def run(args: argparse.Namespace) -> int:
    from desktop import paths
    from desktop.errors import KnownError

    tolerant_output("replace", sys.stdout)
    user_dir = paths.user_data_dir(getattr(args, "portable", False))
    action = {"keygen": _keygen, "trust": _trust, "pack": _pack, "verify": _verify,
              "install": _install, "revert": _revert, "status": _status, "diff": _diff}
    try:
        return action[args.data_command](args, user_dir)
    except KnownError as error:
        return _fail(error.one_line())
    except KeyboardInterrupt:
        return _fail("")


def _keygen(args, user_dir: Path) -> int:
    from desktop import strings
    from desktop.data import keys

    public = keys.generate(args.out, args.name)
    print(strings.fmt(strings.PKG_CLI_KEYGEN, secret=f"{args.out}.key",
                      public=f"{args.out}.pub", fingerprint=public.fingerprint))
    return 0


def _trust(args, user_dir: Path) -> int:
    from desktop import strings
    from desktop.data import keys

    key = keys.load_public(args.pubfile)
    if not args.yes:
        print(strings.fmt(strings.PKG_CLI_TRUST_ASK, name=key.name,
                          fingerprint=key.fingerprint), end="", flush=True)
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("y", "yes"):
            print(strings.PKG_CLI_NOT_TRUSTED)
            return EXIT_REFUSED
    keys.trust(user_dir, key)
    print(strings.fmt(strings.PKG_CLI_TRUSTED, name=key.name, fingerprint=key.fingerprint))
    return 0


def changes_between(old: Path, new: Path) -> str:
    """The CHANGES text from database `old` to database `new`."""
    from desktop import strings
    from desktop.data.changes import diff_databases
    from desktop.data.database import open_database
    from desktop.domain.changes import changes_text

    labels = []
    for path in (old, new):
        conn, info = open_database(path)
        conn.close()
        labels.append(strings.CHANGES_FROM_DATA.format(as_of=info.data_as_of,
                                                       hash=info.content_hash[:12]))
    return changes_text(diff_databases(old, new), *labels)


def _pack(args, user_dir: Path) -> int:
    from desktop import paths, strings
    from desktop.data import packages

    since = args.since or paths.bundled_database()
    manifest = packages.pack(args.db, args.key, args.out, changes_between(since, args.db),
                             since=since, data_version=args.data_version)
    print(strings.fmt(strings.PKG_CLI_PACKED, out=args.out, as_of=manifest["data_as_of"],
                      version=manifest["data_version"],
                      size=f"{args.out.stat().st_size / 1_000_000:.1f}",
                      signer=manifest["signer_name"], fingerprint=manifest["signer_fingerprint"]))
    return 0


def _verify(args, user_dir: Path) -> int:
    from desktop import strings
    from desktop.data import packages

    if args.changes:
        text = packages.changes_of(args.package, user_dir)
    manifest = packages.verify(args.package, user_dir)
    print(strings.fmt(strings.PKG_CLI_VERIFIED, name=args.package.name,
                      as_of=manifest.data_as_of, version=manifest.data_version,
                      signer=manifest.key.name, fingerprint=manifest.key.fingerprint))
    if args.changes:
        print(text, end="")
    return 0


def _install(args, user_dir: Path) -> int:
    from desktop import strings
    from desktop.data import packages

    try:
        manifest = packages.install(args.package, user_dir, allow_older=args.allow_older)
    except packages.OlderData as error:
        return _fail(f"{error.one_line()} {strings.PKG_OLDER_CLI} {strings.PKG_UNCHANGED}")
    except packages.PackageError as error:
        return _fail(_unchanged(error.one_line()))
    print(strings.fmt(strings.PKG_CLI_INSTALLED, name=args.package.name,
                      as_of=manifest.data_as_of, version=manifest.data_version,
                      signer=manifest.key.name))
    return 0


def _unchanged(line: str) -> str:
    from desktop import strings

    return line if strings.PKG_UNCHANGED in line else f"{line} {strings.PKG_UNCHANGED}"


def describe(entry: dict | None) -> str:
    """One entry of `status` in words."""
    from desktop import strings

    if entry is None:
        return ""
    if entry.get("origin") == "package":
        return strings.fmt(strings.PKG_DESCRIBE_PACKAGE, version=entry.get("data_version"),
                           as_of=entry.get("data_as_of"),
                           signer=entry.get("signed_by") or strings.PKG_SIGNER_UNKNOWN)
    return strings.fmt(strings.PKG_DESCRIBE_BUNDLED, as_of=entry.get("data_as_of"))


def _revert(args, user_dir: Path) -> int:
    from desktop import strings
    from desktop.data import packages

    try:
        packages.revert(user_dir)
    except packages.PackageError as error:
        return _fail(error.one_line())
    print(strings.PKG_CLI_REVERTED.format(what=describe(packages.status(user_dir)["active"])))
    return 0


def _status(args, user_dir: Path) -> int:
    from desktop import strings
    from desktop.data import packages

    found = packages.status(user_dir)
    if args.json:
        print(json.dumps(found, indent=2, ensure_ascii=False))
        return 0
    if found.get("notice"):
        print(found["notice"])
    print(strings.PKG_CLI_STATUS.format(what=describe(found["active"])))
    print(strings.PKG_CLI_STATUS_PREVIOUS.format(what=describe(found["previous"]))
          if found["previous"] else strings.PKG_CLI_STATUS_NONE)
    return 0


def _diff(args, user_dir: Path) -> int:
    import contextlib

    from desktop.data import packages

    found = packages.status(user_dir)
    new = args.new or Path(found["active"]["path"])
    old = args.old or Path((found["previous"] or found["active"])["path"])
    with contextlib.ExitStack() as stack:
        paths_ = []
        for path in (old, new):
            if path.suffix == packages.SUFFIX:
                path = stack.enter_context(packages.unpacked_database(path, user_dir))
            paths_.append(path)
        print(changes_between(*paths_), end="")
    return 0
