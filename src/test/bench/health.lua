-- wrk script: GET /health, the ceiling (HTTP stack only), reported like rest.lua.
wrk.path = "/health"
function done(summary, latency, requests)
  local e = summary.errors
  -- rps counts only answered requests (2xx): a 503 of back-pressure is not a message served.
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx=%d socket_errors=%d\n",
    (summary.requests - e.status) / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
