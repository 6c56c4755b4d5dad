-- Port of class_factory.lox: makeCounter makes a new class (a metatable
-- with its methods) at every call, and the loop ticks the one instance.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function makeCounter(start)
  local Counter = {}
  Counter.__index = Counter
  function Counter.new(n)
    return setmetatable({n = n}, Counter)
  end
  function Counter:tick()
    self.n = self.n + 1
    return self.n
  end
  return Counter.new(start)
end

local total = 0
local i = 0
while i < 3000 do
  local counter = makeCounter(i)
  local j = 0
  while j < 100 do
    total = total + counter:tick()
    j = j + 1
  end
  i = i + 1
end
show(total)
