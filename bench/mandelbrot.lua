-- Port of mandelbrot.lox: escape-time iteration over a size x size grid;
-- prints the points that never escape and the iteration total modulo a prime.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function mandelbrot(size, maxIter)
  local m = 999983
  local inside = 0
  local total = 0
  local y = 0
  while y < size do
    local ci = 2.0 * y / size - 1.0
    local x = 0
    while x < size do
      local cr = 2.0 * x / size - 1.5
      local zr = 0.0
      local zi = 0.0
      local zr2 = 0.0
      local zi2 = 0.0
      local i = 0
      while i < maxIter and zr2 + zi2 <= 4.0 do
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        zr2 = zr * zr
        zi2 = zi * zi
        i = i + 1
      end
      if i == maxIter then inside = inside + 1 end
      total = total + i
      if total >= m then total = total - m end
      x = x + 1
    end
    y = y + 1
  end
  show(inside)
  show(total)
end

mandelbrot(600, 100)
