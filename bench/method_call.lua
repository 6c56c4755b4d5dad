-- Port of method_call.lox: a ring of Toggle and NthToggle objects (a
-- subclass calling its superclass's activate), activate():value() on each.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

local Toggle = {}
Toggle.__index = Toggle
function Toggle.new(state)
  local self = setmetatable({}, Toggle)
  Toggle.init(self, state)
  return self
end

function Toggle:init(state)
  self.state = state
  self.next = nil
end

function Toggle:value()
  return self.state
end

function Toggle:activate()
  self.state = not self.state
  return self
end

local NthToggle = setmetatable({}, {__index = Toggle})
NthToggle.__index = NthToggle
function NthToggle.new(state, max)
  local self = setmetatable({}, NthToggle)
  Toggle.init(self, state)
  self.max = max
  self.count = 0
  return self
end

function NthToggle:activate()
  self.count = self.count + 1
  if self.count >= self.max then
    Toggle.activate(self)
    self.count = 0
  end
  return self
end

function run(n)
  local first = Toggle.new(true)
  local second = NthToggle.new(true, 2)
  local third = Toggle.new(false)
  local fourth = NthToggle.new(false, 3)
  local fifth = NthToggle.new(true, 5)
  first.next = second
  second.next = third
  third.next = fourth
  fourth.next = fifth
  fifth.next = first

  local shownTrue = 0
  local toggle = first
  local i = 0
  while i < n do
    if toggle:activate():value() then
      shownTrue = shownTrue + 1
      if shownTrue == 999983 then shownTrue = 0 end
    end
    toggle = toggle.next
    i = i + 1
  end
  show(first:value())
  show(second:value())
  show(third:value())
  show(fourth:value())
  show(fifth:value())
  show(shownTrue)
end

run(100000000)
