-- Port of deep_recursion.lox: Ackermann's function A(3, 7), and recursive
-- walks down a 3,000-node spine.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end

local Tree = {}
Tree.__index = Tree
function Tree.new(value, left, right)
  return setmetatable({value = value, left = left, right = right}, Tree)
end

function Tree:sum()
  local total = self.value
  if self.left ~= nil then total = total + self.left:sum() end
  if self.right ~= nil then total = total + self.right:sum() end
  return total
end

function Tree:size()
  local count = 1
  if self.left ~= nil then count = count + self.left:size() end
  if self.right ~= nil then count = count + self.right:size() end
  return count
end

function spine(depth)
  local tree = nil
  local i = 0
  while i < depth do
    tree = Tree.new(i, tree, Tree.new(1, nil, nil))
    i = i + 1
  end
  return tree
end

function run(rounds, walks)
  local a = 0
  local good = 0
  local r = 0
  while r < rounds do
    a = ack(3, 7)
    if a == 1021 then good = good + 1 end
    r = r + 1
  end
  local tree = spine(3000)
  local sum = 0
  local w = 0
  while w < walks do
    sum = tree:sum()
    w = w + 1
  end
  show(a)
  show(good)
  show(sum)
  show(tree:size())
end

run(5, 400)
