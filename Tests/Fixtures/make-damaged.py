#!/usr/bin/env python3
"""Derives deliberately damaged files from the generated fixtures, deterministically.

Run from the repository root after make-fixtures.py:  python3 Tests/Fixtures/make-damaged.py
Each output is described in damaged/README.md (written here too).
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "damaged")


def read(path):
    with open(os.path.join(HERE, path), "rb") as f:
        return bytearray(f.read())


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bytes(data))


def main():
    os.makedirs(OUT, exist_ok=True)
    leaf = read("inputs/leaf.der")

    # A DER certificate cut after 600 bytes (a partial download or copy).
    write("leaf-truncated.der", leaf[:600])

    # The SAN extension's value starts with SET (0x31) instead of SEQUENCE (0x30): DER framing
    # stays valid, so only that extension is unreadable.
    damaged = bytearray(leaf)
    oid = bytes([0x06, 0x03, 0x55, 0x1D, 0x11])  # 2.5.29.17 subjectAltName
    at = damaged.find(oid) + len(oid)
    assert damaged[at] == 0x04 and damaged[at + 2] == 0x30, "unexpected SAN layout"
    damaged[at + 2] = 0x31
    write("leaf-bad-san.der", damaged)

    with open(os.path.join(OUT, "README.md"), "w") as f:
        f.write("""# Damaged fixtures

Made by `Tests/Fixtures/make-damaged.py` from `inputs/leaf.der` (rerun it after make-fixtures.py).

| file | how it was made |
|---|---|
| `leaf-truncated.der` | the first 600 bytes of `inputs/leaf.der` |
| `leaf-bad-san.der` | `inputs/leaf.der` with the first byte of the subjectAltName value changed from 0x30 (SEQUENCE) to 0x31 (SET) |
""")


if __name__ == "__main__":
    main()
