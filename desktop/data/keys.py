"""Signing keys for data packages: Ed25519 (the `cryptography` library), never hand-written.

Three kinds of key a laptop knows:

- the project's **release keys**, built into the app (`RELEASE_KEYS`): the key in use and room
  for the next one, so a release can ship the next public key before packages are signed
  with it (rotation without a gap). The secret halves never live in the repository: they are
  kept offline by the maintainers (README, "For maintainers");
- keys a clinic chose to trust (`relief-atlas data trust CLINIC.pub`, or File → Trust a data
  key… in the window), copied into `trusted-keys/` in the user-data folder;
- nothing else: a package signed by any other key is refused.

Files: `PREFIX.key` is the secret key as PKCS#8 PEM (encrypted when the environment variable
`RELIEF_ATLAS_KEY_PASSPHRASE` is set); `PREFIX.pub` is three short text lines (a title, the
key's name, the raw public key in base64). A key is named to people by its fingerprint: the
first 128 bits of the SHA-256 of the raw public key, in groups of four hex digits.
Plain Python: no Qt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from desktop import strings
from desktop.errors import KnownError

PUB_TITLE = "Relief Atlas data-signing public key"
PASSPHRASE_ENV = "RELIEF_ATLAS_KEY_PASSPHRASE"
TRUSTED_DIR = "trusted-keys"
_MAX_KEY_FILE = 16 * 1024


class KeyError_(KnownError):
    title = strings.PKG_KEY_ERROR_TITLE


@dataclass(frozen=True)
class PublicKey:
    name: str
    raw: bytes            # 32 bytes
    origin: str = "clinic"  # "release" (built in) or "clinic" (trusted on this laptop)

    @property
    def key_id(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()[:32]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    def verify(self, signature: bytes, message: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True

    def pub_text(self) -> str:
        return (f"{PUB_TITLE}\nname: {self.name}\n"
                f"key: {base64.b64encode(self.raw).decode('ascii')}\n"
                f"fingerprint: {self.fingerprint}\n")


def fingerprint(raw: bytes) -> str:
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


# The project's release keys (public halves). The first signs today's packages; the second
# is the next key, shipped ahead of its use. To rotate: generate the next-next key offline,
# move "next" up, put the new one in the second place, release the app, then sign with it.
RELEASE_KEYS: tuple[PublicKey, ...] = (
    PublicKey("Relief Atlas release key 2026",
              base64.b64decode("sv2JAaktdJsIl5GcJMB5OoiyKGtVpoBgXGCjqvkKdXQ="), "release"),
    PublicKey("Relief Atlas release key 2027 (next)",
              base64.b64decode("9MkAYk5IHCTzBHpvP7ykHsLUYDqdHMbE9xyIb0xqmhs="), "release"),
)


# -- secret keys ----------------------------------------------------------------------------
def generate(prefix: Path, name: str | None = None) -> PublicKey:
    """Write PREFIX.key (secret, owner-only) and PREFIX.pub; refuse to overwrite either."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    prefix = Path(prefix)
    secret_path, public_path = prefix.with_name(prefix.name + ".key"), prefix.with_name(
        prefix.name + ".pub")
    for path in (secret_path, public_path):
        if path.exists():
            raise KeyError_(strings.fmt(strings.PKG_KEY_EXISTS, path=path))
    secret = Ed25519PrivateKey.generate()
    passphrase = os.environ.get(PASSPHRASE_ENV, "").encode("utf-8")
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    pem = secret.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               encryption)
    raw = secret.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    public = PublicKey(name or prefix.name, raw)
    try:
        fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        public_path.write_text(public.pub_text(), encoding="utf-8")
    except OSError as exc:
        from desktop.data.files import explain_os_error

        raise KeyError_(explain_os_error(exc, secret_path)) from exc
    return public


def load_secret(path: Path):
    """The Ed25519 private key in PREFIX.key (a KnownError in plain words otherwise)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    data = _read_small(Path(path))
    passphrase = os.environ.get(PASSPHRASE_ENV, "").encode("utf-8") or None
    try:
        secret = serialization.load_pem_private_key(data, password=passphrase)
    except TypeError as exc:  # encrypted without a passphrase, or the other way round
        raise KeyError_(strings.fmt(strings.PKG_KEY_PASSPHRASE, path=path,
                                    env=PASSPHRASE_ENV)) from exc
    except ValueError as exc:
        raise KeyError_(strings.fmt(strings.PKG_KEY_NOT_SECRET, path=path)) from exc
    if not isinstance(secret, Ed25519PrivateKey):
        raise KeyError_(strings.fmt(strings.PKG_KEY_NOT_SECRET, path=path))
    return secret


def public_of(secret, name: str) -> PublicKey:
    from cryptography.hazmat.primitives import serialization

    raw = secret.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    known = {k.raw: k for k in RELEASE_KEYS}
    return known.get(raw) or PublicKey(name, raw)


# -- public keys ----------------------------------------------------------------------------
def parse_public(text: str, origin: str = "clinic") -> PublicKey | None:
    """A PublicKey from the text of a .pub file, or None when it is not one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or lines[0] != PUB_TITLE:
        return None
    fields = {}
    for line in lines[1:]:
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    try:
        raw = base64.b64decode(fields.get("key", ""), validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(raw) != 32:
        return None
    name = " ".join(fields.get("name", "").split())[:80] or fingerprint(raw)
    return PublicKey(name, raw, origin)


def load_public(path: Path) -> PublicKey:
    data = _read_small(Path(path))
    key = parse_public(data.decode("utf-8", errors="replace"))
    if key is None:
        raise KeyError_(strings.fmt(strings.PKG_KEY_NOT_PUBLIC, path=path))
    return key


def _read_small(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_KEY_FILE + 1)
    except OSError as exc:
        raise KeyError_(strings.fmt(strings.PKG_KEY_UNREADABLE, path=path,
                                    reason=exc.strerror or exc)) from exc
    if len(data) > _MAX_KEY_FILE:
        raise KeyError_(strings.fmt(strings.PKG_KEY_NOT_PUBLIC, path=path))
    return data


def trusted_keys(user_dir: Path) -> list[PublicKey]:
    """The built-in release keys, then the keys this laptop was told to trust."""
    found = list(RELEASE_KEYS)
    folder = Path(user_dir) / TRUSTED_DIR
    try:
        files = sorted(folder.glob("*.pub"))
    except OSError:
        files = []
    for path in files:
        try:
            key = parse_public(_read_small(path).decode("utf-8", errors="replace"))
        except KnownError:
            continue
        if key is not None and all(k.raw != key.raw for k in found):
            found.append(key)
    return found


def trust(user_dir: Path, key: PublicKey) -> Path:
    """Remember `key` as trusted on this laptop; returns the file written."""
    from desktop.data.files import FileWriteError, write_atomic

    folder = Path(user_dir) / TRUSTED_DIR
    target = folder / f"{key.key_id}.pub"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from desktop.data.files import explain_os_error

        raise FileWriteError(explain_os_error(exc, target)) from exc
    write_atomic(target, key.pub_text())
    return target
