-- wrk script of bench/web-load: asks for the paths listed in a file (one per line, argument after
-- `--`), each thread walking the list from its own starting point, and ends with one line of exact
-- figures (microseconds, counts) that the shell script parses.

local paths = {}
local headers = {}
local position = 1
local threads = 0
local all_threads = {}
-- Answers 503 (admission control's "busy, come back"), counted apart from other statuses: wrk
-- counts every status >= 400 as an error; the shell script subtracts these from that count.
unavailable = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
  table.insert(all_threads, thread)
end

function response(status, headers, body)
  if status == 503 then
    unavailable = unavailable + 1
  end
end

function init(args)
  local name = args[1]
  local file = assert(io.open(name or "", "r"), "web-load.lua: cannot read the paths file " .. tostring(name))
  for line in file:lines() do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  file:close()
  -- A second argument "gzip" asks for compressed answers, as a browser does.
  if args[2] == "gzip" then
    headers["Accept-Encoding"] = "gzip"
  end
  assert(#paths > 0, "web-load.lua: no paths in " .. name)
  -- Threads start far apart so they do not ask for the same page at the same moment.
  position = (thread_number * 7919) % #paths + 1
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  local s503 = 0
  for _, thread in ipairs(all_threads) do
    s503 = s503 + (thread:get("unavailable") or 0)
  end
  io.write(string.format(
    "web-load: requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d s503=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status - s503, e.timeout, s503))
end
