#!/usr/bin/env python3
"""A WebSub hub for tests, on 127.0.0.1 only: answers each POST with the next status of a list
(the last one repeats), appends each request's form to a log, prints its port, and exits by
itself after a bounded time.

Usage: websub_hub.py LOG_FILE STATUSES(comma-separated, e.g. 500,204) SECONDS
"""
import http.server
import sys
import threading
import urllib.parse

log_path, statuses, seconds = sys.argv[1], [int(s) for s in sys.argv[2].split(",")], float(sys.argv[3])
answered = 0


class Hub(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global answered
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = urllib.parse.parse_qs(body)
        status = statuses[min(answered, len(statuses) - 1)]
        answered += 1
        with open(log_path, "a") as log:
            log.write(f"{status} {form.get('hub.mode', [''])[0]} {form.get('hub.url', [''])[0]}\n")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *arguments):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Hub)
print(server.server_address[1], flush=True)
threading.Timer(seconds, server.shutdown).start()
server.serve_forever()
