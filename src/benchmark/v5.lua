-- wrk script: one v5 execution as an executor sends it, with the secret.
-- BENCH_KEY: the secret; BENCH_LOGGING: enabled (log files written) or disabled;
-- BENCH_LIMIT (optional): stop each thread after that many responses.
-- One log id for all: every execution opens, appends to and closes the same two files, as a
-- real one does, without leaving millions of files behind (the executor deletes them; wrk can't).
wrk.method = "GET"
wrk.headers["x-open-runtimes-secret"] = os.getenv("BENCH_KEY")
wrk.headers["x-open-runtimes-logging"] = os.getenv("BENCH_LOGGING") or "enabled"
wrk.headers["x-open-runtimes-log-id"] = "bench"
wrk.headers["x-open-runtimes-timeout"] = "30"

local limit = tonumber(os.getenv("BENCH_LIMIT") or "")
if limit then
  local seen = 0
  -- Only defined when asked: a response callback slows every request down.
  function response(status, headers, body)
    seen = seen + 1
    if seen >= limit then
      wrk.thread:stop()
    end
  end
end
