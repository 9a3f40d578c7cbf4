-- wrk script: POST a public form as a browser sends it, with a one-time token of its own on every
-- request, so each request creates a record. The fields (urlencoded, without the token) are read
-- from the file named after "--":  wrk -s bench/post_form.lua URL -- bench/form_return.txt
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local body, prefix, sent = "", "", 0
function init(args)
  local f = assert(io.open(args[1], "r"), "no form file given after --")
  body = f:read("*a"):gsub("%s+$", "")
  f:close()
  -- 48 of the token's 64 hex digits: the run's start, the thread and chance, so that no two
  -- threads or runs share a token; the last 16 count the thread's requests
  math.randomseed(os.time() * 1000 + (id or 0))
  prefix = string.format("%08x%08x", os.time(), id or 0)
  for _ = 1, 4 do prefix = prefix .. string.format("%08x", math.random(0, 0x7fffffff)) end
end

function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, body .. "&token=" .. prefix .. string.format("%016x", sent))
end
