-- Port of nbody.lox: the Jovian planets simulation with the bodies in a
-- linked list and sqrt by Newton's method, doing the same IEEE double
-- operations in the same order as the Lox program.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Body = {}
Body.__index = Body
function Body.new(x, y, z, vx, vy, vz, mass, next)
  return setmetatable({x = x, y = y, z = z, vx = vx, vy = vy, vz = vz,
                       mass = mass, next = next}, Body)
end

function sqrt(a)
  local x = a
  if x < 1 then x = 1 end
  local y = (x + a / x) * 0.5
  while y < x do
    x = y
    y = (x + a / x) * 0.5
  end
  return x
end

-- floor(x) for |x| < 2^51: adding and subtracting 1.5 * 2^52 rounds x to an
-- integer (round-half-even); step down if that rounded up. The constant is a
-- float so that Lua 5.4 does this in doubles, as Lox does.
function floor(x)
  local r = (x + 6755399441055744.0) - 6755399441055744.0
  if r > x then r = r - 1 end
  return r
end

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24

function makeSystem()
  local neptune = Body.new(
    15.379697114850917, -25.919314609987964, 0.17925877295037118,
    0.0026806777249038932 * DAYS_PER_YEAR,
    0.001628241700382423 * DAYS_PER_YEAR,
    -0.00009515922545197159 * DAYS_PER_YEAR,
    0.000051513890204661145 * SOLAR_MASS, nil)
  local uranus = Body.new(
    12.894369562139131, -15.111151401698631, -0.22330757889265573,
    0.0029646013756476162 * DAYS_PER_YEAR,
    0.0023784717395948095 * DAYS_PER_YEAR,
    -0.000029658956854023756 * DAYS_PER_YEAR,
    0.00004366244043351563 * SOLAR_MASS, neptune)
  local saturn = Body.new(
    8.34336671824458, 4.124798564124305, -0.4035234171143214,
    -0.002767425107268624 * DAYS_PER_YEAR,
    0.004998528012349172 * DAYS_PER_YEAR,
    0.000023041729757376393 * DAYS_PER_YEAR,
    0.0002858859806661308 * SOLAR_MASS, uranus)
  local jupiter = Body.new(
    4.841431442464721, -1.1603200440274284, -0.10362204447112311,
    0.001660076642744037 * DAYS_PER_YEAR,
    0.007699011184197404 * DAYS_PER_YEAR,
    -0.0000690460016972063 * DAYS_PER_YEAR,
    0.0009547919384243266 * SOLAR_MASS, saturn)
  local sun = Body.new(0, 0, 0, 0, 0, 0, SOLAR_MASS, jupiter)
  return sun
end

function offsetMomentum(bodies)
  local px = 0
  local py = 0
  local pz = 0
  local b = bodies
  while b ~= nil do
    px = px + b.vx * b.mass
    py = py + b.vy * b.mass
    pz = pz + b.vz * b.mass
    b = b.next
  end
  bodies.vx = -px / SOLAR_MASS
  bodies.vy = -py / SOLAR_MASS
  bodies.vz = -pz / SOLAR_MASS
end

function energy(bodies)
  local e = 0
  local b = bodies
  while b ~= nil do
    e = e + 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    local b2 = b.next
    while b2 ~= nil do
      local dx = b.x - b2.x
      local dy = b.y - b2.y
      local dz = b.z - b2.z
      e = e - (b.mass * b2.mass) / sqrt(dx * dx + dy * dy + dz * dz)
      b2 = b2.next
    end
    b = b.next
  end
  return e
end

function advance(bodies, dt)
  local b = bodies
  while b ~= nil do
    local b2 = b.next
    while b2 ~= nil do
      local dx = b.x - b2.x
      local dy = b.y - b2.y
      local dz = b.z - b2.z
      local dsq = dx * dx + dy * dy + dz * dz
      local mag = dt / (dsq * sqrt(dsq))
      local bm = b.mass * mag
      local b2m = b2.mass * mag
      b.vx = b.vx - dx * b2m
      b.vy = b.vy - dy * b2m
      b.vz = b.vz - dz * b2m
      b2.vx = b2.vx + dx * bm
      b2.vy = b2.vy + dy * bm
      b2.vz = b2.vz + dz * bm
      b2 = b2.next
    end
    b = b.next
  end
  b = bodies
  while b ~= nil do
    b.x = b.x + dt * b.vx
    b.y = b.y + dt * b.vy
    b.z = b.z + dt * b.vz
    b = b.next
  end
end

function printEnergy(e)
  local scaled = floor(-e * 1000000000000)
  local high = floor(scaled / 1000000)
  show(high)
  show(scaled - high * 1000000)
end

local bodies = makeSystem()
offsetMomentum(bodies)
printEnergy(energy(bodies))
local i = 0
while i < 300000 do
  advance(bodies, 0.01)
  i = i + 1
end
printEnergy(energy(bodies))
