-- wrk script of benchmarks/load.sh: every request is a new question on a conversation of its own, posted with
-- deliveryMode expectReplies so the reply comes back in the response (no connector to call). Questions are
-- combined from openings, questions, fillers, closings and asides (no numbers: a number the document lacks would
-- turn the turn into a decline), 8 x 16 x 8 x 8 x 8 = 65,536 texts, the same sequence as BenchmarkQuestions.Load
-- (the encoders alone). No text is asked twice in a run or across runs, so the bot's cache of question vectors
-- never answers for the encoder: wrk's threads take every fourth text from their own offset, and each run starts
-- at the text given after "--" (load.sh gives the warm-up and the measured run different ranges).
local openings = { "", "Please tell me: ", "I wonder, ", "Quick question: ", "Do you know: ", "Could you say ", "Tell me, ", "Now, " }
local questions = {
  "In which city is Kazakhstan's embassy in Tajikistan?", "During which years was Tajikistan's civil war fought?",
  "What does Tajikistan export to Kazakhstan?", "How do the two countries cooperate on water and energy?",
  "What happened after the Soviet Union collapsed?", "Which agreements shape their trade and investment?",
  "Who won the FIFA World Cup?", "Tell me about cultural exchanges between the two peoples",
  "How did Kazakhstan help during the civil war?", "What role does the Eurasian Economic Union play?",
  "Where is Tajikistan's embassy in Kazakhstan?", "What are the main goods Kazakhstan sells to Tajikistan?",
  "How do they cooperate on security and borders?", "What is the history of their relations?",
  "Which investments has Kazakhstan made in Tajikistan?", "How are students and universities involved?",
}
local fillers = { "", " really", " actually", " in general", " these days", " overall", " historically", " today" }
local closings = { "", " Thanks.", " Please.", " Briefly.", " In short.", " Exactly.", " If you can.", " Cheers." }
local asides = { "", " I am curious.", " Just asking.", " For a report.", " For my class.", " Out of interest.", " For a friend.", " No rush." }
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
