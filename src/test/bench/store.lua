-- wrk script for the REST channel: every request goes to a random conversation among
-- CONVERSATIONS (default 2000), with a realistic message and a fresh metadata.message_id.
--   wrk -t2 -c16 -d20s --latency -s src/test/bench/store.lua http://127.0.0.1:7070
local conversations = tonumber(os.getenv("CONVERSATIONS") or "2000")
local phrases = {
  "hi", "I can't log in", "it says invalid user or password", "no", "yes", "I forgot my password",
  "I never got the reset email", "my account is disabled", "je n'arrive pas à me connecter",
  "mon compte est désactivé", "/no", "/yes", "thanks, bye"
}
local threads = 0
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  run = tostring(os.time())
  math.randomseed(os.time() * 1000 + tid)
end

function request()
  counter = counter + 1
  local body = string.format('{"sender":"wrk-%d","message":"%s","metadata":{"message_id":"%s-%d-%d"}}',
    math.random(conversations), phrases[math.random(#phrases)], run, tid, counter)
  return wrk.format("POST", "/webhooks/rest/webhook", {["Content-Type"] = "application/json"}, body)
end
