-- Print values the way clox's `print` statement does: numbers with C's "%g"
-- (so 10000002 prints as "1e+07"), booleans as true/false, nil as "nil".
-- Every Lua port NAME.lua loads this file from its own folder with
--   local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show
-- so that it runs from any working directory, on LuaJIT and on Lua 5.4.
local M = {}

function M.show(value)
  local kind = type(value)
  if kind == "number" then
    io.write(string.format("%g", value), "\n")
  elseif kind == "boolean" then
    io.write(value and "true" or "false", "\n")
  elseif value == nil then
    io.write("nil\n")
  else
    io.write(tostring(value), "\n")
  end
end

return M
