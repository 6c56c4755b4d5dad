-- Port of closure_counter.lox: two counter closures from one factory, each
-- reading and writing its captured count, and a closure over a local of run().
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function makeCounter(step)
  local count = 0
  local function nextValue()
    count = count + step
    if count >= 999983 then count = count - 999983 end
    return count
  end
  return nextValue
end

function run(n)
  local ones = makeCounter(1)
  local sevens = makeCounter(7)
  local total = 0
  local function add(x)
    total = total + x
    if total >= 999983 then total = total - 999983 end
  end
  local i = 0
  while i < n do
    add(ones())
    add(sevens())
    i = i + 1
  end
  show(ones())
  show(sevens())
  show(total)
end

run(30000000)
