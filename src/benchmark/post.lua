-- wrk script: one execution as the executor sends it.
-- BENCH_PROTOCOL: classic (POST / with the JSON execution and x-internal-challenge, the default)
--   or v5 (GET with x-open-runtimes-secret; BENCH_LOGGING: enabled, the default, or disabled).
--   v5 executions share one log id: each opens, appends to and closes the same two files, as a
--   real one does, without leaving millions of files behind (the executor deletes them; wrk can't).
-- BENCH_KEY: the secret; BENCH_LIMIT (optional): stop each thread after that many responses.
-- Executions as the executor sends them, on new connections: executor-load.sh, not wrk.
if os.getenv("BENCH_PROTOCOL") == "v5" then
  wrk.method = "GET"
  wrk.headers["x-open-runtimes-secret"] = os.getenv("BENCH_KEY")
  wrk.headers["x-open-runtimes-logging"] = os.getenv("BENCH_LOGGING") or "enabled"
  wrk.headers["x-open-runtimes-log-id"] = "bench"
  wrk.headers["x-open-runtimes-timeout"] = "30"
else
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["x-internal-challenge"] = os.getenv("BENCH_KEY")
  wrk.body = '{"payload":"{\\"id\\":\\"1\\"}","env":{"test-env":"value"},'
          .. '"headers":{"x-test-header":"value","content-type":"application/json"},"timeout":30}'
end

local limit = tonumber(os.getenv("BENCH_LIMIT") or "")
if limit then
  local seen = 0
  -- Only defined when needed: a response callback slows every request down.
  function response(status, headers, body)
    seen = seen + 1
    if seen >= limit then
      wrk.thread:stop()
    end
  end
end
