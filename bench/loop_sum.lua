-- Port of loop_sum.lox: a tight numeric loop, the sum of j*j modulo a prime
-- with j = i mod 1000, both reductions by compare-and-subtract.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function sumSquares(n)
  local m = 999983
  local acc = 0
  local j = 0
  local i = 0
  while i < n do
    acc = acc + j * j
    if acc >= m then acc = acc - m end
    j = j + 1
    if j == 1000 then j = 0 end
    i = i + 1
  end
  return acc
end

show(sumSquares(30000000))
