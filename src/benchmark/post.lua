-- wrk script: one execution as the executor sends it.
-- BENCH_PROTOCOL: classic (POST / with the JSON execution and x-internal-challenge, the default)
--   or v5 (GET with x-open-runtimes-secret; BENCH_LOGGING: enabled, the default, or disabled).
--   v5 executions share one log id: each opens, appends to and closes the same two files, as a
--   real one does, without leaving millions of files behind (the executor deletes them; wrk can't).
-- BENCH_KEY: the secret; BENCH_LIMIT (optional): stop each thread after that many responses.
-- BENCH_EXECUTOR=true (v5): as Open Runtimes' executor sends it: a new connection for every
--   execution (Connection: close; wrk connects again) and its four headers, Authorization too.
--   With logging on, BENCH_LOGS names the logs folder and, as the executor does after each
--   execution, the two files the answer's x-open-runtimes-log-id names are read and deleted.
if os.getenv("BENCH_PROTOCOL") == "v5" then
  wrk.method = "GET"
  wrk.headers["x-open-runtimes-secret"] = os.getenv("BENCH_KEY")
  wrk.headers["x-open-runtimes-logging"] = os.getenv("BENCH_LOGGING") or "enabled"
  wrk.headers["x-open-runtimes-log-id"] = "bench"
  wrk.headers["x-open-runtimes-timeout"] = "30"
  if os.getenv("BENCH_EXECUTOR") == "true" then
    wrk.headers["x-open-runtimes-log-id"] = nil -- the executor names none: the runtime makes the id
    wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
    wrk.headers["Connection"] = "close"
  end
else
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["x-internal-challenge"] = os.getenv("BENCH_KEY")
  wrk.body = '{"payload":"{\\"id\\":\\"1\\"}","env":{"test-env":"value"},'
          .. '"headers":{"x-test-header":"value","content-type":"application/json"},"timeout":30}'
end

-- The executor's part after an answer: read both files, then delete them.
local logs = os.getenv("BENCH_EXECUTOR") == "true" and os.getenv("BENCH_LOGGING") ~= "disabled"
  and os.getenv("BENCH_LOGS") or nil
local function collect(headers)
  local id = headers["x-open-runtimes-log-id"]
  if not id then return end
  for _, kind in ipairs({ "_logs.log", "_errors.log" }) do
    local path = logs .. "/" .. id .. kind
    local file = io.open(path, "rb")
    if file then
      file:read("*a")
      file:close()
      os.remove(path)
    end
  end
end

local limit = tonumber(os.getenv("BENCH_LIMIT") or "")
if limit or logs then
  local seen = 0
  -- Only defined when needed: a response callback slows every request down.
  function response(status, headers, body)
    if logs then collect(headers) end
    if limit then
      seen = seen + 1
      if seen >= limit then
        wrk.thread:stop()
      end
    end
  end
end
