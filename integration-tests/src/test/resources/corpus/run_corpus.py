"""Runs the acceptance corpus through psycopg 3 against the gateway and the reference Postgres.

Reads {"gateway": dsn, "postgres": dsn, "binding": "client" | "server", "cases": [{name, sql, postgres, params}]}
on stdin and prints {name: {"gateway": result, "postgres": result}} where a result is
{"types": [...], "rows": [[...]], "rowcount": n, "error": "SQLSTATE ...: message" or null}.
"client" binding uses psycopg.ClientCursor (values interpolated client-side, simple query protocol); "server"
binding uses the default cursor (extended protocol, values sent as binds).
"""
import datetime
import decimal
import json
import re
import sys
import uuid

import psycopg
from psycopg.types.json import Jsonb
from psycopg.types.numeric import Int4, Int8

# Type families by OID, as the Java side names them (text and varchar alike, json and jsonb alike).
TYPE_FAMILIES = {
    16: "bool", 20: "int8", 21: "int2", 23: "int4", 25: "text", 19: "text", 1042: "text", 1043: "text",
    114: "json", 3802: "json", 700: "float4", 701: "float8", 1700: "numeric", 1082: "date", 1083: "time",
    1114: "timestamp", 1184: "timestamptz", 1186: "interval", 2950: "uuid", 17: "bytea",
    1009: "text[]", 1015: "text[]", 1016: "int8[]", 1007: "int4[]", 1005: "int2[]", 1022: "float8[]",
    1021: "float4[]", 1185: "timestamptz[]", 1115: "timestamp[]", 199: "json[]", 3807: "json[]", 1000: "bool[]",
    1231: "numeric[]", 1182: "date[]",
}

PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\$(\d+)")


def psycopg_sql(sql):
    """The statement with %(pN)s for each $N and every other % doubled (psycopg's placeholder syntax)."""
    def replace(match):
        if match.group(1) is None:
            return match.group(0).replace("%", "%%")
        return "%(p" + match.group(1) + ")s"
    parts = []
    last = 0
    for match in PLACEHOLDER.finditer(sql):
        parts.append(sql[last:match.start()].replace("%", "%%"))
        parts.append(replace(match))
        last = match.end()
    parts.append(sql[last:].replace("%", "%%"))
    return "".join(parts)


def timestamptz(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


BINDERS = {
    "text": str,
    "uuid": uuid.UUID,
    "int4": Int4,
    "int8": Int8,
    "float8": float,
    "numeric": decimal.Decimal,
    "bool": bool,
    "date": datetime.date.fromisoformat,
    "timestamptz": timestamptz,
    "jsonb": Jsonb,
    "text[]": lambda values: [str(value) for value in values],
    "int8[]": lambda values: [Int8(value) for value in values],
    "timestamptz[]": lambda values: [timestamptz(value) for value in values],
}


def bind(parameter):
    value = parameter["value"]
    return None if value is None else BINDERS[parameter["type"]](value)


def presentable(value):
    """A value as JSON: numbers and booleans as such, json values as parsed, everything else as its str()."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [presentable(element) for element in value]
    if isinstance(value, dict):
        return {key: presentable(element) for key, element in value.items()}
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


class Server:
    """A connection that is opened again after the server dropped it, so one failure does not fail every later case."""

    def __init__(self, dsn, cursor_factory):
        self.dsn = dsn
        self.cursor_factory = cursor_factory
        self.connection = None

    def cursor(self):
        if self.connection is None or self.connection.broken or self.connection.closed:
            self.connection = psycopg.connect(self.dsn, autocommit=True, cursor_factory=self.cursor_factory)
        return self.connection.cursor()


def run(server, sql, parameters):
    try:
        cursor = server.cursor()
        cursor.execute(psycopg_sql(sql), {"p%d" % (i + 1): bind(p) for i, p in enumerate(parameters)})
        if cursor.description is None:
            return {"types": [], "rows": [], "rowcount": cursor.rowcount, "error": None}
        types = [TYPE_FAMILIES.get(column.type_code, "oid %d" % column.type_code) for column in cursor.description]
        rows = [[presentable(value) for value in row] for row in cursor.fetchall()]
        return {"types": types, "rows": rows, "rowcount": -1, "error": None}
    except psycopg.Error as error:
        return {"types": [], "rows": [], "rowcount": -1, "error": "SQLSTATE %s: %s" % (error.sqlstate, str(error).strip())}


def main():
    request = json.load(sys.stdin)
    cursor_factory = psycopg.ClientCursor if request["binding"] == "client" else psycopg.Cursor
    results = {}
    gateway = Server(request["gateway"], cursor_factory)
    postgres = Server(request["postgres"], cursor_factory)
    for case in request["cases"]:
        results[case["name"]] = {
            "postgres": run(postgres, case["postgres"] or case["sql"], case["params"]),
            "gateway": run(gateway, case["sql"], case["params"]),
        }
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
