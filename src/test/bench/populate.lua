-- wrk script: creates exactly CONVERSATIONS conversations (split over THREADS threads, matching -t),
-- each with the same two messages ("hi", then a login problem), then stops. Used to measure memory
-- with that many conversations alive in the server.
--   CONVERSATIONS=10000 THREADS=2 wrk -t2 -c16 -d120s -s src/test/bench/populate.lua http://127.0.0.1:7070
local conversations = tonumber(os.getenv("CONVERSATIONS") or "10000")
local threads = tonumber(os.getenv("THREADS") or "2")
local run = os.getenv("RUN_ID") or "mem"
local next_thread = 0

function setup(thread)
  thread:set("tid", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  share = math.floor(conversations / threads)
  if tid == threads - 1 then
    share = conversations - share * (threads - 1)
  end
  sent = 0
end

-- Conversation i of this thread gets message 1 at request i and message 2 at request share + i,
-- so the two messages of one conversation are never in flight together.
function request()
  if sent >= 2 * share then
    wrk.thread:stop()
  end
  local i = sent % share
  local message = sent < share and "hi" or "I can't log in, it says invalid password"
  sent = sent + 1
  local body = '{"sender":"' .. run .. "-" .. tid .. "-" .. i .. '","message":"' .. message .. '"}'
  return wrk.format("POST", "/webhooks/rest/webhook", { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d seconds=%.1f\n", summary.requests, summary.errors.status,
    summary.duration / 1e6))
end
