-- Port of instantiate.lox: a ring of 1,000 slots whose particles are replaced
-- by moved copies (a new Particle and a new position Vec each step, stored
-- back into the slot), and a Box without an initializer stored beside each.
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

local Slot = {}
Slot.__index = Slot
function Slot.new(particle, next)
  return setmetatable({particle = particle, box = nil, next = next}, Slot)
end

function ring(size)
  local last = Slot.new(Particle.new(Vec.new(0, 0), Vec.new(1, 3), 0), nil)
  local first = last
  for k = 1, size - 1 do
    first = Slot.new(Particle.new(Vec.new(k, 0), Vec.new(1, 3), 0), first)
  end
  last.next = first
  return first
end

function run(n)
  local m = 999983
  local first = ring(1000)
  local slot = first
  local checksum = 0
  local i = 0
  while i < n do
    local p = slot.particle:moved()
    if p.age == 1024 then
      p = Particle.new(Vec.new(0, 0), Vec.new(p.velocity.y, p.velocity.x), 0)
    end
    slot.particle = p
    local box = Box.new()
    box.value = p.position.x + p.position.y
    slot.box = box
    checksum = checksum + box.value
    if checksum >= m then checksum = checksum - m end
    slot = slot.next
    i = i + 1
  end
  local ages = 0
  slot = first
  for k = 0, 999 do
    ages = ages + slot.particle.age
    slot = slot.next
  end
  show(first.particle.position.x)
  show(first.particle.position.y)
  show(first.particle.age)
  show(ages)
  show(checksum)
end

run(6000000)
