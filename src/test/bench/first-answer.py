#!/usr/bin/env python3
"""Start-up time to the first answered message: launches the command given after '--', posts
"hi" to the REST channel every 10 ms from this one process (no curl per attempt, which would steal
CPU from the JVM on a 2-core machine), prints the wall milliseconds until a reply with text and the
CPU milliseconds the server used until then, then stops the server.   first-answer.py PORT -- java -jar target/loginbot.jar
With PER_THREAD=1 it also prints the CPU each live JVM thread (JIT compilers, GC, main...) had used."""
import collections, json, os, re, signal, subprocess, sys, time, urllib.request

def cpu_ms(stat_path):
    fields = open(stat_path).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def print_threads(pid):
    """CPU per thread name (numbered pool threads summed); threads that already ended are not listed."""
    by_name = collections.Counter()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            name = open(f"/proc/{pid}/task/{task}/comm").read().strip()
            by_name[re.sub(r"[-#]?\d+$", "#", name)] += cpu_ms(f"/proc/{pid}/task/{task}/stat")
        except OSError:
            pass
    for name, ms in by_name.most_common(8):
        if ms:
            print(f"    {ms:6.0f} ms  {name}")


port, command = int(sys.argv[1]), sys.argv[sys.argv.index("--") + 1:]
body = json.dumps({"sender": "startup-probe", "message": "hi"}).encode()
started = time.monotonic()
server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=open(os.environ.get("LOG", os.devnull), "w"))
try:
    while time.monotonic() - started < 60:
        if server.poll() is not None:
            sys.exit(f"server exited with {server.returncode}")
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", body,
                                             {"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=5) as response:
                if any(m.get("text") for m in json.load(response)):
                    wall = (time.monotonic() - started) * 1000
                    # CPU the JVM used so far (all threads): less sensitive than wall time to other load.
                    print(f"{wall:.0f} {cpu_ms(f'/proc/{server.pid}/stat'):.0f}")
                    if os.environ.get("PER_THREAD") == "1":
                        print_threads(server.pid)
                    break
        except OSError:
            pass
        time.sleep(0.01)
    else:
        sys.exit("no answer within 60 s")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
