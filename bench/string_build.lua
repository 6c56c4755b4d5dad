-- Port of string_build.lox: a decimal counter kept as a linked list of
-- digits, rendered both ways by one-character concatenations; counts the
-- palindromes and joins every 100000th rendering.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Digit = {}
Digit.__index = Digit
function Digit.new(value, next)
  return setmetatable({value = value, next = next}, Digit)
end

function digitChar(d)
  if d < 5 then
    if d == 0 then return "0" end
    if d == 1 then return "1" end
    if d == 2 then return "2" end
    if d == 3 then return "3" end
    return "4"
  end
  if d == 5 then return "5" end
  if d == 6 then return "6" end
  if d == 7 then return "7" end
  if d == 8 then return "8" end
  return "9"
end

local Counter = {}
Counter.__index = Counter
function Counter.new()
  return setmetatable({low = Digit.new(0, nil)}, Counter)
end

function Counter:increment()
  local node = self.low
  while node.value == 9 do
    node.value = 0
    if node.next == nil then node.next = Digit.new(0, nil) end
    node = node.next
  end
  node.value = node.value + 1
end

-- Most significant digit first: the usual way to write the number.
function Counter:render()
  local s = ""
  local node = self.low
  while node ~= nil do
    s = digitChar(node.value) .. s
    node = node.next
  end
  return s
end

-- Least significant digit first: the rendering read backwards.
function Counter:renderReversed()
  local s = ""
  local node = self.low
  while node ~= nil do
    s = s .. digitChar(node.value)
    node = node.next
  end
  return s
end

function run(n)
  local counter = Counter.new()
  local palindromes = 0
  local joined = ""
  local text = ""
  local tick = 0
  local i = 0
  while i < n do
    counter:increment()
    text = counter:render()
    if text == counter:renderReversed() then palindromes = palindromes + 1 end
    tick = tick + 1
    if tick == 100000 then
      tick = 0
      if joined == "" then joined = text else joined = joined .. "," .. text end
    end
    i = i + 1
  end
  show(palindromes)
  show(text)
  show(joined)
end

run(500000)
