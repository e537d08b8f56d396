#!/usr/bin/env python3
"""Event-store read throughput: DarkSector vs h5py on the same file, in one run.

Runs `darksector bench store` (writes N rows x 8 float64 columns with the production layout:
chunked, shuffle + deflate level 1, Fletcher-32; then reads them back), then reads the same
file's columns with h5py, several times each, and prints both throughputs and their ratio.

    python3 Benchmarks/store_vs_h5py.py --darksector .build/release/darksector --rows 20000000
"""
import argparse
import json
import os
import subprocess
import time

import h5py
import numpy as np


def h5py_read(path, columns):
    start = time.perf_counter()
    total = 0
    with h5py.File(path, "r") as f:
        for c in range(columns):
            a = f[f"bench/c{c}"][:]
            total += a.nbytes
    return total / 1e6 / (time.perf_counter() - start)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--darksector", default=".build/release/darksector")
    ap.add_argument("--rows", type=int, default=20_000_000)
    ap.add_argument("--columns", type=int, default=8)
    ap.add_argument("--path", default="Results/bench/store_bench.h5")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([args.darksector, "bench", "store", "--rows", str(args.rows), "--columns",
                              str(args.columns), "--path", args.path, "--json"],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out))
    ds_read = max(r["read_mb_per_s"] for r in runs)
    ds_write = max(r["write_mb_per_s"] for r in runs)
    h5 = max(h5py_read(args.path, args.columns) for _ in range(args.repeat))
    with h5py.File(args.path, "r") as f:
        first = f["bench/c0"][:5]
    result = {
        "rows": args.rows, "columns": args.columns,
        "megabytes": runs[0]["megabytes"], "file_megabytes": os.path.getsize(args.path) / 1e6,
        "darksector_write_mb_per_s": ds_write, "darksector_read_mb_per_s": ds_read,
        "h5py_read_mb_per_s": h5, "read_ratio_darksector_over_h5py": ds_read / h5,
        "write_over_read": ds_write / ds_read,
        "h5py_version": h5py.__version__, "hdf5_version": h5py.version.hdf5_version,
        "first_values_h5py": [float(x) for x in first],
    }
    print(json.dumps(result, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
