-- Port of field_access.lox: rotate the four fields of a Vector and keep a
-- checksum in the fields of a second object; no calls in the loop.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Vector = {}
Vector.__index = Vector
function Vector.new(a, b, c, d)
  return setmetatable({a = a, b = b, c = c, d = d}, Vector)
end

local Totals = {}
Totals.__index = Totals
function Totals.new()
  return setmetatable({sum = 0, steps = 0}, Totals)
end

function run(n)
  local m = 999983
  local v = Vector.new(1, 2, 3, 4)
  local totals = Totals.new()
  local i = 0
  while i < n do
    local t = v.a
    v.a = v.b
    v.b = v.c
    v.c = v.d
    v.d = t + v.b
    if v.d >= m then v.d = v.d - m end
    totals.sum = totals.sum + v.d
    if totals.sum >= m then totals.sum = totals.sum - m end
    totals.steps = totals.steps + 1
    if totals.steps == m then totals.steps = 0 end
    i = i + 1
  end
  show(v.a)
  show(v.b)
  show(v.c)
  show(v.d)
  show(totals.sum)
  show(totals.steps)
end

run(100000000)
