-- wrk script: each connection waits between requests so that all of them together make
-- about RATE requests a second (RATE, CONNECTIONS and LATENCY_MS from the environment).
local rate = tonumber(os.getenv("RATE"))
local connections = tonumber(os.getenv("CONNECTIONS"))
local latency = tonumber(os.getenv("LATENCY_MS")) or 0
local pause = math.max(0, 1000 * connections / rate - latency)

function delay()
   return pause
end
