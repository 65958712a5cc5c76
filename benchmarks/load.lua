-- wrk script of benchmarks/load.sh: every request is a new question on a conversation of its own, posted with
-- deliveryMode expectReplies so the reply comes back in the response (no connector to call). Questions are
-- combined from openings, questions, fillers and closings (no numbers: a number the document lacks would turn
-- the turn into a decline), 8 x 16 x 8 x 8 = 8,192 texts per thread before one repeats.
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
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local n = 0

function request()
  n = n + 1
  local i = n - 1
  local q = questions[i % 16 + 1]
  local text = openings[math.floor(i / 16) % 8 + 1] .. q:sub(1, -2) .. fillers[math.floor(i / 128) % 8 + 1] .. q:sub(-1)
    .. closings[math.floor(i / 1024) % 8 + 1]
  local id = string.format("load-%d-%d", offset, n)
  local body = string.format(
    '{"type":"message","id":"%s","serviceUrl":"http://127.0.0.1:9/","channelId":"emulator","from":{"id":"user-%s"},' ..
    '"recipient":{"id":"bot"},"conversation":{"id":"%s"},"text":"%s","locale":"en-US","deliveryMode":"expectReplies"}',
    id, id, id, text:gsub('"', '\\"'))
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end
