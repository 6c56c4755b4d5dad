-- Port of towers.lox: the Towers of Hanoi with the pegs as linked stacks of
-- disc objects.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Disc = {}
Disc.__index = Disc
function Disc.new(size, next)
  return setmetatable({size = size, next = next}, Disc)
end

local Peg = {}
Peg.__index = Peg
function Peg.new()
  return setmetatable({top = nil}, Peg)
end

function Peg:push(disc)
  local ok = self.top == nil or self.top.size > disc.size
  disc.next = self.top
  self.top = disc
  return ok
end

function Peg:pop()
  local disc = self.top
  self.top = disc.next
  return disc
end

local Towers = {}
Towers.__index = Towers
function Towers.new(discs)
  local self = setmetatable({}, Towers)
  self.a = Peg.new()
  self.b = Peg.new()
  self.c = Peg.new()
  local size = discs
  while size > 0 do
    self.a:push(Disc.new(size, nil))
    size = size - 1
  end
  self.moves = 0
  self.illegal = 0
  self.checksum = 0
  return self
end

function Towers:move(from, to)
  local disc = from:pop()
  if not to:push(disc) then self.illegal = self.illegal + 1 end
  self.moves = self.moves + 1
  self.checksum = self.checksum * 3 + disc.size
  while self.checksum >= 999983 do self.checksum = self.checksum - 999983 end
end

function Towers:solve(n, from, to, via)
  if n == 1 then
    self:move(from, to)
    return
  end
  self:solve(n - 1, from, via, to)
  self:move(from, to)
  self:solve(n - 1, via, to, from)
end

local checksum = 0
local illegal = 0
local moves = 0
local round = 0
while round < 30 do
  local towers = Towers.new(18)
  towers:solve(18, towers.a, towers.c, towers.b)
  moves = towers.moves
  illegal = illegal + towers.illegal
  checksum = checksum + towers.checksum
  if checksum >= 999983 then checksum = checksum - 999983 end
  round = round + 1
end
show(moves)
show(illegal)
show(checksum)
