-- Port of closure_factory.lox: makeCounter returns a new closure over a
-- fresh local at every call, and the loop calls each one 100 times.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function makeCounter(start)
  local count = start
  local function tick()
    count = count + 1
    return count
  end
  return tick
end

function run(n)
  local total = 0
  local last = 0
  local i = 0
  while i < n do
    local tick = makeCounter(i)
    local j = 0
    while j < 100 do
      total = total + tick()
      if total >= 999983 then total = total - 999983 end
      j = j + 1
    end
    last = tick()
    i = i + 1
  end
  show(total)
  show(last)
end

run(300000)
