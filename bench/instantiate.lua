-- Port of instantiate.lox: a Particle that moves by making a new Particle and
-- a new position Vec every step, and a Box without an initializer filled
-- from outside; the particle restarts every 1024 steps.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Vec = {}
Vec.__index = Vec
function Vec.new(x, y)
  return setmetatable({x = x, y = y}, Vec)
end

function Vec:plus(other)
  return Vec.new(self.x + other.x, self.y + other.y)
end

local Particle = {}
Particle.__index = Particle
function Particle.new(position, velocity, age)
  return setmetatable({position = position, velocity = velocity, age = age}, Particle)
end

function Particle:moved()
  return Particle.new(self.position:plus(self.velocity), self.velocity, self.age + 1)
end

local Box = {}
Box.__index = Box
function Box.new()
  return setmetatable({}, Box)
end

function run(n)
  local m = 999983
  local p = Particle.new(Vec.new(0, 0), Vec.new(1, 3), 0)
  local checksum = 0
  local i = 0
  while i < n do
    p = p:moved()
    if p.age == 1024 then
      p = Particle.new(Vec.new(0, 0), Vec.new(p.velocity.y, p.velocity.x), 0)
    end
    local box = Box.new()
    box.value = p.position.x + p.position.y
    checksum = checksum + box.value
    if checksum >= m then checksum = checksum - m end
    i = i + 1
  end
  show(p.position.x)
  show(p.position.y)
  show(p.age)
  show(checksum)
end

run(25000000)
