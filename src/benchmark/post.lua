-- wrk script: one execution as the executor sends it, with the challenge.
-- BENCH_KEY: the challenge; BENCH_LIMIT (optional): stop each thread after that many responses.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-internal-challenge"] = os.getenv("BENCH_KEY")
wrk.body = '{"payload":"{\\"id\\":\\"1\\"}","env":{"test-env":"value"},'
        .. '"headers":{"x-test-header":"value","content-type":"application/json"},"timeout":30}'

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
