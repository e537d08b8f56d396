#!/usr/bin/env python3
"""Validate a HEPData submission directory with hepdata-validator and print a JSON verdict.

Usage: python3 validate_hepdata.py DIRECTORY > validation_output.json

The verdict lists every YAML file with the schema it was validated against, every attached
file (additional_resources: workspaces, images, thumbnails) with the document that references
it, and every message the validator produced; file names are relative so the output is the
same on every machine. (hepdata-validator itself checks that each referenced file exists and,
for schema 1.1, that every file in the directory is referenced.)
Requires: pip install hepdata-validator
"""
import json
import os
import sys

import yaml

import hepdata_validator
from hepdata_validator.full_submission_validator import FullSubmissionValidator, SchemaType


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = os.path.abspath(sys.argv[1])
    validator = FullSubmissionValidator()
    valid = validator.validate(directory=directory)
    files = {}
    for kind in SchemaType:
        for entry in validator.valid_files.get(kind, []):
            path = entry[1] if isinstance(entry, tuple) else entry
            # The size ties this verdict to the exact files validated: the Swift test compares
            # it with the fixture, so a fixture regenerated without revalidation is caught.
            files[os.path.relpath(path, directory)] = {
                "verdict": "valid HEPData %s YAML" % kind.value,
                "bytes": os.path.getsize(path),
            }
    errors = {}
    for path, messages in validator.get_messages().items():
        errors[os.path.relpath(path, directory)] = [m.message for m in messages]
    # The schema accepts strings for values, so it cannot catch a number that PyYAML reads as
    # a string (YAML 1.1: "1e-05" is a string); list any such value explicitly.
    numbers_read_as_strings = []
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".yaml") or name == "submission.yaml":
            continue
        with open(os.path.join(directory, name)) as handle:
            doc = yaml.safe_load(handle)
        for var in doc.get("independent_variables", []) + doc.get("dependent_variables", []):
            for point in var.get("values", []):
                candidates = [point.get(k) for k in ("value", "low", "high")]
                for err in point.get("errors", []):
                    candidates.append(err.get("symerror"))
                    candidates += list(err.get("asymerror", {}).values())
                for c in candidates:
                    if isinstance(c, str):
                        try:
                            float(c)
                        except ValueError:
                            continue
                        numbers_read_as_strings.append("%s: %r" % (name, c))
    valid = valid and not numbers_read_as_strings
    # Attached files, each with the document (submission or table name) referencing it.
    attachments = {}
    with open(os.path.join(directory, "submission.yaml")) as handle:
        for doc in yaml.safe_load_all(handle):
            if not doc:
                continue
            owner = doc.get("name", "submission")
            for resource in doc.get("additional_resources", []):
                location = resource["location"]
                if location.startswith("http"):
                    continue
                path = os.path.join(directory, location)
                attachments[location] = {
                    "referenced_by": owner,
                    "description": resource["description"],
                    "type": resource.get("type"),
                    "bytes": os.path.getsize(path) if os.path.isfile(path) else None,
                }
    verdict = {
        "numbers_read_as_strings": numbers_read_as_strings,
        "validator": "hepdata-validator %s" % hepdata_validator.__version__,
        "schema_version": validator.schema_version_string,
        "directory": os.path.basename(directory),
        "valid": bool(valid),
        "files": files,
        "attachments": attachments,
        "errors": errors,
    }
    print(json.dumps(verdict, indent=2, sort_keys=True))
    return 0 if valid else 1


if __name__ == "__main__":
    sys.exit(main())
