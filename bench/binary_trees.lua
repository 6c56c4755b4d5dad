-- Port of binary_trees.lox: build and check many binary trees of two-field
-- nodes, with one long-lived tree of the maximum depth.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Node = {}
Node.__index = Node
function Node.new(left, right)
  return setmetatable({left = left, right = right}, Node)
end

function Node:check()
  if self.left == nil then return 1 end
  return 1 + self.left:check() + self.right:check()
end

function bottomUp(depth)
  if depth == 0 then return Node.new(nil, nil) end
  return Node.new(bottomUp(depth - 1), bottomUp(depth - 1))
end

function run(minDepth, maxDepth)
  show(bottomUp(maxDepth + 1):check())
  local longLived = bottomUp(maxDepth)

  local iterations = 1
  for i = 0, maxDepth - 1 do iterations = iterations * 2 end
  local depth = minDepth
  while depth <= maxDepth do
    local total = 0
    local i = 0
    while i < iterations do
      total = total + bottomUp(depth):check()
      i = i + 1
    end
    show(total)
    iterations = iterations / 4
    depth = depth + 2
  end
  show(longLived:check())
end

run(4, 16)
