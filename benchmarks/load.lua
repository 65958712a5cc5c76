-- wrk script of benchmarks/load.sh: every request is a new question on a conversation of its own, posted with
-- deliveryMode expectReplies so the reply comes back in the response (no connector to call). Questions are
-- combined from the openings, questions, fillers, closings and asides of load-questions.txt, 8 x 16 x 8 x 8 x 8 =
-- 65,536 texts, the same sequence as BenchmarkQuestions.Load (the encoders alone). No text is asked twice in a run or across runs, so the bot's cache of question vectors
-- never answers for the encoder: wrk's threads take every fourth text from their own offset, and each run starts
-- at the text given after "--" (load.sh gives the warm-up and the measured run different ranges).
-- The parts of the texts, from load-questions.txt beside this script (the encoders alone read the same file).
local parts = { opening = {}, question = {}, filler = {}, closing = {}, aside = {} }
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
for line in io.lines(here .. "load-questions.txt") do
  local kind, text = line:match("^(%a+)|(.*)|$")
  if kind then table.insert(parts[kind], text) end
end
local openings, questions, fillers, closings, asides = parts.opening, parts.question, parts.filler, parts.closing, parts.aside
local threads = 0
local stride = 4
local first = 0

function init(args)
  first = tonumber(args[1]) or 0
end

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local n = 0

-- The i-th text of the sequence (i from 0).
local function text(i)
  local q = questions[i % 16 + 1]
  return openings[math.floor(i / 16) % 8 + 1] .. q:sub(1, -2) .. fillers[math.floor(i / 128) % 8 + 1] .. q:sub(-1)
    .. closings[math.floor(i / 1024) % 8 + 1] .. asides[math.floor(i / 8192) % 8 + 1]
end

function request()
  local i = first + n * stride + offset
  n = n + 1
  local id = string.format("load-%d-%d-%d", first, offset, n)
  local body = string.format(
    '{"type":"message","id":"%s","serviceUrl":"http://127.0.0.1:9/","channelId":"emulator","from":{"id":"user-%s"},' ..
    '"recipient":{"id":"bot"},"conversation":{"id":"%s"},"text":"%s","locale":"en-US","deliveryMode":"expectReplies"}',
    id, id, id, text(i):gsub('"', '\\"'))
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end
