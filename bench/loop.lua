-- Port of loop.lox: count a local variable to 100,000,000.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local function main()
  local i = 0
  while i < 100000000 do
    i = i + 1
  end
  show(i)
end

main()
