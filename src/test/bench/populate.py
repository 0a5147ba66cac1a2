#!/usr/bin/env python3
"""Creates N conversations on the REST channel, each with two messages ("hi", then a login
problem), from 8 keep-alive connections; bounded by the count, so it stops by itself.
    populate.py PORT N [RUN_ID]"""
import http.client, json, sys, threading, time

port, total = int(sys.argv[1]), int(sys.argv[2])
run = sys.argv[3] if len(sys.argv) > 3 else "mem"
workers, failures, lock = 8, [], threading.Lock()
messages = ["hi", "I can't log in, it says invalid password"]

def work(index):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for message in messages:  # every conversation gets its first message before any gets its second
        for n in range(index, total, workers):
            body = json.dumps({"sender": f"{run}-{n}", "message": message})
            connection.request("POST", "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                with lock:
                    failures.append(response.status)

started = time.monotonic()
threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"RESULT conversations={total} requests={2 * total} failed={len(failures)} "
      f"seconds={time.monotonic() - started:.1f}")
