#!/usr/bin/env python3
"""Checks jobfeed's TOML reader against Python's tomllib, an independent reader.

Usage: toml_agrees.py RESULTS.json, where RESULTS.json lists what jobfeed read from each
fixture: {"file": path, "expect": "valid" | "invalid", "result": TREE} or {..., "error": text}.
TREE is toml-test's tagged form, but with a table's keys in order: a table is
{"table": [[key, TREE], ...]}, an array a list, and a scalar {"type": ..., "value": text}. Every valid file must read the same in both, and every invalid
file must be refused by both. Prints each disagreement; exits 1 when there is any.
"""
import datetime
import json
import math
import re
import sys
import tomllib


def tagged(value):
    if isinstance(value, dict):
        return {key: tagged(item) for key, item in value.items()}
    if isinstance(value, list):
        return [tagged(item) for item in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": "true" if value else "false"}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, int):
        return {"type": "integer", "value": str(value)}
    if isinstance(value, float):
        return {"type": "float", "value": value}
    if isinstance(value, datetime.datetime):
        return {"type": "datetime" if value.tzinfo else "datetime-local", "value": value}
    if isinstance(value, datetime.date):
        return {"type": "date-local", "value": value}
    if isinstance(value, datetime.time):
        return {"type": "time-local", "value": value}
    raise TypeError(type(value))


TIME = r"(\d\d):(\d\d):(\d\d)(?:\.(\d+))?"


def as_python(kind, text):
    """jobfeed's text of a date or time, as tomllib's object (fractions cut to microseconds)."""
    def time_parts(match, at):
        hour, minute, second, fraction = match.group(at, at + 1, at + 2, at + 3)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return int(hour), int(minute), int(second), micro
    if kind == "time-local":
        return datetime.time(*time_parts(re.fullmatch(TIME, text), 1))
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:[Tt ]" + TIME + r"([Zz]|[+-]\d\d:\d\d)?)?", text)
    year, month, day = int(match[1]), int(match[2]), int(match[3])
    if kind == "date-local":
        return datetime.date(year, month, day)
    zone = None
    if match[8]:
        if match[8] in "Zz":
            zone = datetime.timezone.utc
        else:
            sign = -1 if match[8][0] == "-" else 1
            zone = datetime.timezone(sign * datetime.timedelta(hours=int(match[8][1:3]), minutes=int(match[8][4:6])))
    return datetime.datetime(year, month, day, *time_parts(match, 4), tzinfo=zone)


def same(ours, theirs, path):
    if isinstance(theirs, dict) and "type" in theirs and "value" in theirs and set(theirs) == {"type", "value"}:
        if not isinstance(ours, dict) or ours.get("type") != theirs["type"]:
            return [f"{path}: jobfeed {ours!r}, tomllib {theirs!r}"]
        kind, value = theirs["type"], theirs["value"]
        if kind == "float":
            mine = float(ours["value"])
            equal = (math.isnan(mine) and math.isnan(value)) or (mine == value and math.copysign(1, mine) == math.copysign(1, value))
        elif kind in ("datetime", "datetime-local", "date-local", "time-local"):
            equal = as_python(kind, ours["value"]) == value
        else:
            equal = ours["value"] == value
        return [] if equal else [f"{path}: jobfeed {ours['value']!r}, tomllib {value!r}"]
    if isinstance(theirs, dict):
        pairs = ours.get("table") if isinstance(ours, dict) else None
        if pairs is None or [key for key, _ in pairs] != list(theirs):
            return [f"{path}: jobfeed {ours!r}, tomllib's keys {list(theirs)}"]
        return [problem for key, value in pairs for problem in same(value, theirs[key], f"{path}.{key}")]
    if not isinstance(ours, list) or len(ours) != len(theirs):
        return [f"{path}: jobfeed {ours!r}, tomllib {theirs!r}"]
    return [problem for index, (a, b) in enumerate(zip(ours, theirs)) for problem in same(a, b, f"{path}[{index}]")]


def main():
    results = json.load(open(sys.argv[1]))
    problems = []
    for entry in results:
        name = entry["file"]
        try:
            with open(name, "rb") as handle:
                theirs = tagged(tomllib.load(handle))
            refused = None
        except tomllib.TOMLDecodeError as error:
            theirs, refused = None, str(error)
        if entry["expect"] == "invalid":
            if refused is None:
                problems.append(f"{name}: tomllib reads this file that is meant to be invalid")
            if "error" not in entry:
                problems.append(f"{name}: jobfeed reads this invalid file")
            continue
        if refused is not None:
            problems.append(f"{name}: tomllib refuses this file that is meant to be valid: {refused}")
        elif "error" in entry:
            problems.append(f"{name}: jobfeed refuses it: {entry['error']}")
        else:
            problems += [f"{name}: {problem}" for problem in same(entry["result"], theirs, "")]
    for problem in problems:
        print(problem)
    print(f"{len(results)} TOML files compared with tomllib, {len(problems)} disagreements")
    sys.exit(1 if problems else 0)


main()
