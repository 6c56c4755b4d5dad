-- Port of equality.lox: a ring of words built by concatenation, each word
-- compared with the sixteen Lox keywords in an if-chain, with the previous
-- word, and with values of other types. (Lua interns its strings, so its
-- string equality is a pointer comparison: that is its design, and part of
-- what this column measures.)
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Word = {}
Word.__index = Word
function Word.new(text, next)
  return setmetatable({text = text, next = next}, Word)
end

function kind(w)
  if w == "and" then return 1 end
  if w == "class" then return 2 end
  if w == "else" then return 3 end
  if w == "false" then return 4 end
  if w == "for" then return 5 end
  if w == "fun" then return 6 end
  if w == "if" then return 7 end
  if w == "nil" then return 8 end
  if w == "or" then return 9 end
  if w == "print" then return 10 end
  if w == "return" then return 11 end
  if w == "super" then return 12 end
  if w == "this" then return 13 end
  if w == "true" then return 14 end
  if w == "var" then return 15 end
  if w == "while" then return 16 end
  return 0
end

-- The ring: each word is made by joining two pieces at run time.
function ring()
  local first = Word.new("wh" .. "ile", nil)
  local last = first
  local pieces = {{"cl", "ass"}, {"wh", "ilst"}, {"re", "turn"}, {"re", "turn"},
                  {"fa", "lsy"}, {"th", "is"}, {"th", "at"}, {"va", "lue"},
                  {"su", "per"}, {"super", "b"}, {"f", "or"}, {"f", "un"},
                  {"f", "un"}, {"pr", "int"}, {"pr", "inted"}}
  for _, pair in ipairs(pieces) do
    last.next = Word.new(pair[1] .. pair[2], nil)
    last = last.next
  end
  last.next = first
  return first
end

function run(n)
  local m = 999983
  local keywords = 0
  local kinds = 0
  local repeats = 0
  local word = ring()
  local previous = ""
  local i = 0
  while i < n do
    local text = word.text
    local k = kind(text)
    if k ~= 0 then
      keywords = keywords + 1
      if keywords == m then keywords = 0 end
      kinds = kinds + k
      if kinds >= m then kinds = kinds - m end
    end
    if text == previous and text ~= nil and text ~= k then
      repeats = repeats + 1
      if repeats == m then repeats = 0 end
    end
    previous = text
    word = word.next
    if word == nil then return end
    i = i + 1
  end
  show(keywords)
  show(kinds)
  show(repeats)
end

run(5000000)
