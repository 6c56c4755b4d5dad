-- Port of polymorphic.lox: a ring of eight shapes of five classes; area(),
-- weighted() (defined once in Shape, calling area() and sides()) and grow()
-- are called at call sites that see every class. Classes are metatables
-- whose __index chains to the superclass.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local function class(super)
  local c = {}
  c.__index = c
  if super then setmetatable(c, {__index = super}) end
  return c
end

local Shape = class(nil)
function Shape:init(next)
  self.next = next
end
function Shape:weighted()
  return self:area() * self:sides()
end

local Circle = class(Shape)
function Circle.new(r, next)
  local self = setmetatable({}, Circle)
  Shape.init(self, next)
  self.r = r
  return self
end
function Circle:area() return 3 * self.r * self.r end
function Circle:sides() return 1 end
function Circle:grow()
  self.r = self.r + 1
  if self.r > 9 then self.r = 1 end
end

local Rect = class(Shape)
function Rect:init(w, h, next)
  Shape.init(self, next)
  self.w = w
  self.h = h
end
function Rect.new(w, h, next)
  local self = setmetatable({}, Rect)
  Rect.init(self, w, h, next)
  return self
end
function Rect:area() return self.w * self.h end
function Rect:sides() return 4 end
function Rect:grow()
  self.w = self.w + 1
  if self.w > 9 then
    self.w = 1
    self.h = self.h + 1
    if self.h > 9 then self.h = 1 end
  end
end

local Square = class(Rect)
function Square.new(s, next)
  local self = setmetatable({}, Square)
  Rect.init(self, s, s, next)
  return self
end
function Square:grow()
  Rect.grow(self)
  self.h = self.w
end

local Triangle = class(Shape)
function Triangle.new(b, h, next)
  local self = setmetatable({}, Triangle)
  Shape.init(self, next)
  self.b = b
  self.h = h
  return self
end
function Triangle:area() return self.b * self.h / 2 end
function Triangle:sides() return 3 end
function Triangle:grow()
  self.h = self.h + 2
  if self.h > 18 then self.h = 2 end
end

local Hexagon = class(Shape)
function Hexagon.new(s, next)
  local self = setmetatable({}, Hexagon)
  Shape.init(self, next)
  self.s = s
  return self
end
function Hexagon:area() return 6 * self.s * self.s end
function Hexagon:sides() return 6 end
function Hexagon:grow()
  self.s = self.s + 1
  if self.s > 5 then self.s = 1 end
end

function run(n)
  local m = 999983
  local first = Circle.new(1, nil)
  local shape = Hexagon.new(2, first)
  shape = Triangle.new(3, 4, shape)
  shape = Square.new(2, shape)
  shape = Rect.new(2, 3, shape)
  shape = Circle.new(5, shape)
  shape = Triangle.new(5, 2, shape)
  shape = Square.new(7, shape)
  first.next = shape

  local areas = 0
  local weighted = 0
  local i = 0
  while i < n do
    areas = areas + shape:area()
    if areas >= m then areas = areas - m end
    weighted = weighted + shape:weighted()
    if weighted >= m then weighted = weighted - m end
    shape:grow()
    shape = shape.next
    i = i + 1
  end
  show(areas)
  show(weighted)
  for j = 0, 7 do
    show(shape:area())
    shape = shape.next
  end
end

run(10000000)
