"""Issue 12's client shape: psycopg2 sending literal 100-row INSERTs of 20 columns (and date, which PostgreSQL's
table needs and TimeFusion derives) over several connections.

usage: python3 psycopg2_insert.py DSN CONNECTIONS STATEMENTS ROWS ID_PREFIX
Each connection renders all its statements before the clock starts (mogrify), then sends them one after another and
waits for each answer. Prints one JSON object: rows, statements, seconds, and acknowledgement latencies in ms.
"""
import json
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

import psycopg2

COLUMNS = ["timestamp", "id", "project_id", "name", "kind", "status_code", "level", "duration", "context___trace_id",
           "context___span_id", "resource___service___name", "attributes___http___request___method",
           "attributes___http___response___status_code", "attributes___url___path", "attributes___user___id", "body",
           "attributes", "hashes", "severity___severity_text", "message_size_bytes", "date"]


def row(prefix, number):
    timestamp = datetime(2025, 6, 1, tzinfo=timezone.utc) + timedelta(milliseconds=number)
    return (timestamp, "%s-%d" % (prefix, number), "project-%d" % (number % 3), "GET /api/v1/items/%d" % (number % 300),
            "SERVER", "OK", "INFO", 1000 + number % 5000, "%032x" % (number * 7919), "%016x" % number, "service-%d" % (number % 12),
            "GET", 200 if number % 20 else 500, "/api/v1/items/%d" % (number % 300), "user-%d" % (number % 1000),
            '{"message": "request %d handled"}' % number, '{"http.route": "/api/v1/items/:id", "n": %d}' % number,
            ["h%d" % (number % 7)], "INFO", 512 + number % 100, timestamp.date())


def main():
    dsn, connections, statements, rows, prefix = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    latencies = []
    lock = threading.Lock()
    prepared = []
    for client in range(connections):
        connection = psycopg2.connect(dsn)
        connection.autocommit = True
        cursor = connection.cursor()
        head = "INSERT INTO otel_logs_and_spans (%s) VALUES " % ", ".join(COLUMNS)
        template = "(" + ", ".join(["%s"] * len(COLUMNS)) + ")"
        texts = []
        for statement in range(statements):
            first = (client * statements + statement) * rows
            texts.append(head + ", ".join(cursor.mogrify(template, row(prefix, first + r)).decode() for r in range(rows)))
        prepared.append((connection, cursor, texts))

    def send(connection, cursor, texts):
        for text in texts:
            sent = time.perf_counter()
            cursor.execute(text)
            elapsed = time.perf_counter() - sent
            with lock:
                latencies.append(elapsed * 1000)

    threads = [threading.Thread(target=send, args=entry) for entry in prepared]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    for connection, _, _ in prepared:
        connection.close()
    if len(latencies) != connections * statements:
        sys.exit("only %d of %d statements were answered" % (len(latencies), connections * statements))
    print(json.dumps({"rows": connections * statements * rows, "statements": len(latencies), "seconds": seconds, "latencies_ms": latencies}))


if __name__ == "__main__":
    main()
