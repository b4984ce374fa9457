#!/usr/bin/env python3
"""replay_bad_input.py PARAEVM MAINNET_DIR: `paraevm replay` on damaged copies of one mainnet
snapshot (written to a temporary folder, removed afterwards) must fail cleanly: exit status 1 (not
0, not a signal) and a message that names the file and the field at fault. Cases: truncated,
empty, missing and non-JSON files; wrong hex, wrong JSON types, out-of-range values; transactions
that do not decode (unknown type, a typed transaction missing its type's fields); header fields
that do not match the fork that the block's number and timestamp select. Exits 77 (skipped) when
the snapshot is not there."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BLOCK = "19426587"  # Cancun, 37 transactions of types 0 and 2


def first_of_type(block, t):
    return next(x for x in block["transactions"] if x["type"] == t)


def set_header(key, value):
    def edit(j):
        if value is None:
            del j[key]
        else:
            j[key] = value
    return edit


def set_tx(pick, key, value):
    def edit(j):
        tx = pick(j)
        if value is None:
            del tx[key]
        else:
            tx[key] = value
    return edit


def first_account(j):
    """The first entry of pre_state.json or bytecodes.json."""
    return next(iter(j.values()))


# (name, file, edit, substrings the message must contain). `edit` changes the parsed JSON in place;
# ("text", f) replaces the file's text t with f(t); None removes the file.
CASES = [
    ("truncated block", "block.json", ("text", lambda s: s[: len(s) // 2]),
     ["block.json", "not valid JSON"]),
    ("empty block", "block.json", ("text", lambda s: ""), ["block.json", "not valid JSON"]),
    ("no block.json", "block.json", None, ["no block.json"]),
    ("truncated pre-state", "pre_state.json", ("text", lambda s: s[:-7]),
     ["pre_state.json", "not valid JSON"]),
    ("truncated bytecodes", "bytecodes.json", ("text", lambda s: s[:100]),
     ["bytecodes.json", "not valid JSON"]),
    ("no bytecodes.json", "bytecodes.json", None, ["bytecodes.json", "no such file"]),
    ("truncated block hashes", "block_hashes.json", ("text", lambda s: '{"19426586": "0x12'),
     ["block_hashes.json", "not valid JSON"]),
    ("header number bad hex", "block.json", set_header("number", "0xzz"),
     ["block.json", "number", "bad quantity"]),
    ("header gasLimit missing", "block.json", set_header("gasLimit", None),
     ["block.json", '"gasLimit"']),
    ("header gasLimit above int64", "block.json", set_header("gasLimit", "0xffffffffffffffff"),
     ["block.json", "gasLimit", "2^63"]),
    ("header logsBloom short", "block.json", set_header("logsBloom", "0x00"),
     ["block.json", "logsBloom"]),
    ("header extraData odd hex", "block.json", set_header("extraData", "0x123"),
     ["block.json", "extraData", "bad hex"]),
    ("header field of another fork", "block.json", set_header("baseFeePerGas", None),
     ["block.json", "baseFeePerGas missing", "Cancun"]),
    ("timestamp of a later fork", "block.json", set_header("timestamp", "0xffffffffff"),
     ["block.json", "requestsHash missing", "Osaka"]),
    ("transactions not an array", "block.json", set_header("transactions", "abc"),
     ["block.json", "transactions", "expected an array"]),
    ("transaction hashes only", "block.json",
     lambda j: j.__setitem__("transactions", [t["hash"] for t in j["transactions"]]),
     ["block.json", "transactions[0]", "expected an object"]),
    ("unknown transaction type", "block.json", set_tx(lambda j: j["transactions"][0], "type", "0x7"),
     ["block.json", "transactions[0].type", "unknown transaction type"]),
    ("type 2 without chainId", "block.json",
     set_tx(lambda j: first_of_type(j, "0x2"), "chainId", None),
     ["block.json", "chainId", "required for type 2"]),
    ("type 2 without maxFeePerGas", "block.json",
     set_tx(lambda j: first_of_type(j, "0x2"), "maxFeePerGas", None),
     ["block.json", "maxFeePerGas", "required for type 2"]),
    ("type 2 relabelled type 3", "block.json",
     set_tx(lambda j: first_of_type(j, "0x2"), "type", "0x3"),
     ["block.json", "maxFeePerBlobGas", "required for type 3"]),
    ("type 2 relabelled type 4", "block.json",
     set_tx(lambda j: first_of_type(j, "0x2"), "type", "0x4"),
     ["block.json", "authorizationList", "required for type 4"]),
    ("signature r bad hex", "block.json", set_tx(lambda j: j["transactions"][1], "r", "0xg1"),
     ["block.json", "transactions[1].r", "bad quantity"]),
    ("signature s above 256 bits", "block.json",
     set_tx(lambda j: j["transactions"][1], "s", "0x1" + "0" * 70),
     ["block.json", "transactions[1].s"]),
    ("to too short", "block.json", set_tx(lambda j: j["transactions"][2], "to", "0x1234"),
     ["block.json", "transactions[2].to", "20 bytes"]),
    ("input odd hex", "block.json", set_tx(lambda j: j["transactions"][2], "input", "0xabc"),
     ["block.json", "transactions[2].input", "bad hex"]),
    ("gas missing", "block.json", set_tx(lambda j: j["transactions"][3], "gas", None),
     ["block.json", "transactions[3]", '"gas"']),
    ("negative nonce", "block.json", set_tx(lambda j: j["transactions"][3], "nonce", -1),
     ["block.json", "transactions[3].nonce", "expected a quantity"]),
    ("null transaction", "block.json", lambda j: j["transactions"].__setitem__(0, None),
     ["block.json", "transactions[0]", "expected an object"]),
    ("balance bad hex", "pre_state.json",
     lambda j: first_account(j)["basic"].__setitem__("balance", "0xq"),
     ["pre_state.json", "basic.balance", "bad quantity"]),
    ("account key not an address", "pre_state.json",
     lambda j: j.__setitem__("0x12", j.pop(next(iter(j)))),
     ["pre_state.json", "0x12", "20 bytes"]),
    ("storage value bad hex", "pre_state.json",
     lambda j: first_account(j)["storage"].__setitem__("0x1", "zz"),
     ["pre_state.json", "storage.0x1", "bad quantity"]),
    ("code hash not in bytecodes", "pre_state.json",
     lambda j: first_account(j).__setitem__("code_hash", "0x" + "22" * 32),
     ["pre_state.json", "code_hash", "not in bytecodes.json"]),
    ("account without basic", "pre_state.json", lambda j: first_account(j).pop("basic"),
     ["pre_state.json", '"basic"']),
    ("original_len past the code", "bytecodes.json",
     lambda j: first_account(j).__setitem__("original_len", 10**9),
     ["bytecodes.json", "original_len", "exceeds"]),
    ("bytecode bad hex", "bytecodes.json",
     lambda j: first_account(j).__setitem__("bytecode", "0x6x"),
     ["bytecodes.json", "bytecode", "bad hex"]),
    ("code does not hash to its key", "bytecodes.json",
     lambda j: first_account(j).update({"bytecode": "0x6001" + "00" * 33, "original_len": 2}),
     ["bytecodes.json", "does not hash to its key"]),
    ("block hash key not a number", "block_hashes.json", ("text", lambda s: '{"abc": "0x' + "00" * 32 + '"}'),
     ["block_hashes.json", "abc", "bad quantity"]),
    ("block hash too short", "block_hashes.json", ("text", lambda s: '{"19426586": "0x12"}'),
     ["block_hashes.json", "19426586", "32 bytes"]),
]


def damage(folder, file, edit):
    path = os.path.join(folder, file)
    if edit is None:
        os.remove(path)
    elif isinstance(edit, tuple):
        text = open(path).read() if os.path.exists(path) else ""
        open(path, "w").write(edit[1](text))
    else:
        doc = json.load(open(path))
        edit(doc)
        json.dump(doc, open(path, "w"))


def main():
    paraevm, mainnet = sys.argv[1], sys.argv[2]
    base = os.path.join(mainnet, BLOCK)
    if not os.path.isfile(os.path.join(base, "block.json")):
        print(f"SKIPPED: {base} is not there")
        return 77
    failures = 0
    with tempfile.TemporaryDirectory(prefix="paraevm-bad-snapshot-") as tmp:
        for i, (name, file, edit, expected) in enumerate(CASES):
            folder = os.path.join(tmp, f"case{i}")
            shutil.copytree(base, folder)
            damage(folder, file, edit)
            r = subprocess.run([paraevm, "replay", folder], capture_output=True, text=True)
            out = r.stdout + r.stderr
            missing = [e for e in expected if e not in out]
            if r.returncode != 1 or missing or "ERROR" not in out:
                failures += 1
                print(f"FAIL {name}: exit {r.returncode}, missing {missing}: {out.strip()[:300]}")
            else:
                print(f"ok   {name}: {out.splitlines()[0][len(folder) + 2:][:160]}")
    print(f"{len(CASES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
