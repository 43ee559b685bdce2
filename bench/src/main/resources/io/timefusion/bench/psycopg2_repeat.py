"""Issue 15's repeated dashboard query as Grafana and psycopg2 send it: literal SQL over the simple protocol, the same
text each time, on one connection.

usage: python3 psycopg2_repeat.py DSN SQL WARMUPS RUNS
Times each execute until every row is fetched. Prints one JSON object: the first run and the measured runs, in ms.
"""
import json
import sys
import time

import psycopg2

dsn, sql, warmups, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
connection = psycopg2.connect(dsn)
connection.autocommit = True
cursor = connection.cursor()


def timed():
    started = time.perf_counter_ns()
    cursor.execute(sql)
    cursor.fetchall()
    return (time.perf_counter_ns() - started) / 1e6


first = timed()
for _ in range(warmups):
    timed()
latencies = [timed() for _ in range(runs)]
connection.close()
print(json.dumps({"first_ms": first, "latencies_ms": latencies}))
