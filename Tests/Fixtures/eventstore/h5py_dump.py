#!/usr/bin/env python3
"""Read a DarkSector event file with h5py and dump every column and root attribute to JSON.

Shows that the event store writes plain HDF5 that other tools read identically:
EventStoreTests/H5pyInteropTests compares these numbers with DarkSector's own reader.

    python3 Tests/Fixtures/eventstore/h5py_dump.py Tests/Fixtures/eventstore/reference_events.h5 \
        > Tests/Fixtures/eventstore/reference_events.h5py.json
"""
import json
import sys

import h5py
import numpy as np

DTYPES = {np.dtype("float64"): "float64", np.dtype("float32"): "float32", np.dtype("int64"): "int64",
          np.dtype("int32"): "int32", np.dtype("int8"): "int8", np.dtype("uint8"): "uint8",
          np.dtype("uint32"): "uint32"}


def main(path):
    out = {"source": f"h5py {h5py.__version__}, HDF5 {h5py.version.hdf5_version}", "attributes": {},
           "columns": {}, "dtypes": {}}
    with h5py.File(path, "r") as f:
        for key, value in f.attrs.items():
            if isinstance(value, bytes):
                value = value.decode()
            elif isinstance(value, np.generic):
                value = value.item()
            out["attributes"][key] = value
        for table in f:
            for column in f[table]:
                ds = f[table][column]
                out["columns"][f"{table}/{column}"] = [float(x) for x in ds[:].astype(np.float64)]
                out["dtypes"][f"{table}/{column}"] = DTYPES.get(ds.dtype, str(ds.dtype))
                out.setdefault("filters", {})[f"{table}/{column}"] = sorted(ds._filters.keys())
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
