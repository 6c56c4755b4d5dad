-- Port of fib.lox: naive recursive Fibonacci. fib is a global function, as
-- in the Lox program, so every call reads it from the globals.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function fib(n)
  if n < 2 then return n end
  return fib(n - 2) + fib(n - 1)
end

show(fib(36))
