#!/usr/bin/env python3
"""Writes small seed corpora for the libFuzzer targets in tests/fuzz to <out>/<name>/.

Seeds are valid (or nearly valid) precompile inputs: the hex vectors of the unit tests in
tests/unit/precompiles_*_test.cpp (adjacent C++ string literals joined) and hand-made
encodings built here (curve generators, points at infinity, small modexp calls). Targets that
go through the registry take one leading revision byte; the seeds use the newest revision.
Usage: scripts/fuzz_seeds.py [out_dir]   (default build/fuzz/corpus)
"""
import hashlib
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build/fuzz/corpus"
REV = b"\xff"  # pick_revision(0xff, since) for the registry targets; any byte works


def unit_vectors(pattern):
    """Hex strings (>= 32 bytes) from adjacent string literals in the matching unit tests."""
    found = []
    for path in sorted((root / "tests/unit").glob(pattern)):
        text = path.read_text()
        for m in re.finditer(r'(?:"[0-9a-fA-Fx]*"\s*)+', text):
            s = "".join(re.findall(r'"([0-9a-fA-Fx]*)"', m.group(0)))
            s = s[2:] if s.startswith("0x") else s
            if len(s) >= 64 and len(s) % 2 == 0 and re.fullmatch(r"[0-9a-fA-F]+", s):
                found.append(bytes.fromhex(s))
    return found


def be(n, size):
    return n.to_bytes(size, "big")


seeds = {name: [] for name in ["blake2f", "bls12_g1", "bls12_g2", "bls12_pairing", "bn254_add",
                               "bn254_mul", "bn254_pairing", "ecrecover", "hashes", "modexp",
                               "p256verify", "point_evaluation"]}

# Registry targets: the unit vectors of their test file, filtered by length where it matters.
for v in unit_vectors("precompiles_blake2f_test.cpp"):
    if len(v) == 213:
        seeds["blake2f"].append(REV + v)
for v in unit_vectors("precompiles_ecrecover_test.cpp"):
    seeds["ecrecover"].append(REV + v)
for v in unit_vectors("precompiles_p256verify_test.cpp"):
    if len(v) == 160:
        seeds["p256verify"].append(REV + v)
for v in unit_vectors("precompiles_modexp_test.cpp"):
    if len(v) >= 96:
        seeds["modexp"].append(REV + v)
for v in unit_vectors("precompiles_bn254_test.cpp"):
    if len(v) in (64, 128):
        seeds["bn254_add"].append(REV + v)
    if len(v) in (64, 96):
        seeds["bn254_mul"].append(REV + v)
    if len(v) % 192 == 0:
        seeds["bn254_pairing"].append(REV + v)

# Hashes: inputs around the 32-byte word boundaries.
seeds["hashes"] += [REV + bytes(n) for n in (0, 1, 31, 32, 33, 64)] + [REV + b"abc"]
# Hand-made: modexp 3^5 mod 7, 2^255 mod (2^256 - 189), 0^0 mod 1, lengths past the input.
seeds["modexp"] += [REV + be(1, 32) + be(1, 32) + be(1, 32) + b"\x03\x05\x07",
                    REV + be(32, 32) + be(1, 32) + be(32, 32) + be(2, 32) + b"\xff" + be(2**256 - 189, 32),
                    REV + be(0, 32) + be(0, 32) + be(1, 32) + b"\x01",
                    REV + be(64, 32) + be(64, 32) + be(64, 32) + b"\x01\x02"]
# bn254: the G1 generator (1, 2), 2*G, and pairs of infinity.
g1 = be(1, 32) + be(2, 32)
seeds["bn254_add"] += [REV + g1 + g1, REV + g1 + bytes(64)]
seeds["bn254_mul"] += [REV + g1 + be(2, 32), REV + g1 + be(2**256 - 1, 32)]
seeds["bn254_pairing"] += [REV + bytes(192), REV + bytes(384)]

# BLS12-381 generators (EIP-2537 encoding: 64-byte field elements with 16 zero bytes in front).
P = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab
G1X = 0x17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb
G1Y = 0x08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1
G2X = (0x024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8,
       0x13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e)
G2Y = (0x0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801,
       0x0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be)
assert (G1Y * G1Y - G1X**3 - 4) % P == 0, "G1 generator off the curve"


def fp2_mul(a, b):
    return ((a[0] * b[0] - a[1] * b[1]) % P, (a[0] * b[1] + a[1] * b[0]) % P)


x3 = fp2_mul(fp2_mul(G2X, G2X), G2X)
assert fp2_mul(G2Y, G2Y) == ((x3[0] + 4) % P, (x3[1] + 4) % P), "G2 generator off the twist"

fp = lambda n: be(n, 64)
g1 = fp(G1X) + fp(G1Y)
neg_g1 = fp(G1X) + fp(P - G1Y)
g2 = fp(G2X[0]) + fp(G2X[1]) + fp(G2Y[0]) + fp(G2Y[1])
seeds["bls12_g1"] += [g1 + g1, g1 + neg_g1, g1 + bytes(128), g1 + be(5, 32), g1 + be(1, 32) + bytes(160),
                      fp(1), fp(P - 1), bytes(64)]
seeds["bls12_g2"] += [g2 + g2, g2 + bytes(256), g2 + be(5, 32), g2 + be(1, 32) + bytes(288),
                      fp(1) + fp(2), bytes(128)]
seeds["bls12_pairing"] += [g1 + g2, bytes(384), g1 + g2 + neg_g1 + g2]

# Point evaluation: the unit vectors, and the constant-zero polynomial (commitment and proof at
# infinity, y = 0) at z = 1.
for v in unit_vectors("precompiles_kzg_point_evaluation_test.cpp"):
    if len(v) == 192:
        seeds["point_evaluation"].append(v)
inf = b"\xc0" + bytes(47)
h = bytearray(hashlib.sha256(inf).digest())
h[0] = 1
seeds["point_evaluation"].append(bytes(h) + be(1, 32) + bytes(32) + inf + inf)

for name, items in seeds.items():
    d = out / name
    d.mkdir(parents=True, exist_ok=True)
    for s in items:
        (d / hashlib.sha1(s).hexdigest()).write_bytes(s)
    print(f"{name}: {len(items)} seeds")
