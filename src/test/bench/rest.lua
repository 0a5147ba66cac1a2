-- wrk script: the REST channel as many users would drive it. Each request comes from one of
-- SENDERS conversations (spread over THREADS wrk threads, which must match -t) and walks through a
-- short list of messages, so the server runs real turns (NLU, dialogue, store) on many
-- conversations at once.
--   THREADS=2 wrk -t2 -c32 -d20s -s src/test/bench/rest.lua http://127.0.0.1:7070
local senders = tonumber(os.getenv("SENDERS") or "4000")
local threads = tonumber(os.getenv("THREADS") or "2")
local messages = {
  "hi", "I can't log in", "it says invalid username or password", "no", "I forgot my password",
  "yes", "je n'arrive pas à me connecter", "mon compte est désactivé", "what is the weather", "thanks",
}
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  counter = 0
  per_thread = math.max(1, math.floor(senders / threads))
end

function request()
  counter = counter + 1
  local slot = counter % per_thread
  local sender = "bench-" .. tid .. "-" .. slot
  local message = messages[(math.floor(counter / per_thread) % #messages) + 1]
  local body = '{"sender":"' .. sender .. '","message":"' .. message .. '"}'
  return wrk.format("POST", "/webhooks/rest/webhook", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  -- rps counts only answered requests (2xx): a 503 of back-pressure is not a message served.
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx=%d socket_errors=%d\n",
    (summary.requests - e.status) / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
