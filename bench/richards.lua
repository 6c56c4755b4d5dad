-- Port of richards.lox: Martin Richards' operating-system simulation, with
-- the same Lox-imposed changes (the task table and packet data as fields
-- behind if-chains, task state as three booleans, the idle task's bit
-- operations done with floor and bit flips). Classes are metatables and
-- the constants globals, as in the Lox program.
local show = dofile((arg[0]:match("^(.*[/\\])") or "") .. "loxprint.lua").show

COUNT = 1000
EXPECTED_QUEUE_COUNT = 2322
EXPECTED_HOLD_COUNT = 928

ID_IDLE = 0
ID_WORKER = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A = 4
ID_DEVICE_B = 5

KIND_DEVICE = 0
KIND_WORK = 1

DATA_SIZE = 4

-- floor(x) for |x| < 2^51: adding and subtracting 1.5 * 2^52 rounds x to an
-- integer (round-half-even); step down if that rounded up. The constant is a
-- float so that Lua 5.4 does this in doubles, as Lox does.
function floor(x)
  local r = (x + 6755399441055744.0) - 6755399441055744.0
  if r > x then r = r - 1 end
  return r
end

-- Flip the bit of value `bit` (a power of two) in the integer v >= 0.
function flipBit(v, bit)
  local q = floor(v / bit)
  if floor(q / 2) * 2 == q then return v + bit end
  return v - bit
end

-- v ^ 0xD008 for 0 <= v < 65536 (0xD008 = 32768 + 16384 + 4096 + 8).
function xorD008(v)
  return flipBit(flipBit(flipBit(flipBit(v, 8), 4096), 16384), 32768)
end

Packet = {}
Packet.__index = Packet
function Packet.new(link, id, kind)
  return setmetatable({link = link, id = id, kind = kind, a1 = 0,
                       d0 = 0, d1 = 0, d2 = 0, d3 = 0}, Packet)
end

function Packet:data(i)
  if i == 0 then return self.d0 end
  if i == 1 then return self.d1 end
  if i == 2 then return self.d2 end
  return self.d3
end

function Packet:setData(i, value)
  if i == 0 then self.d0 = value
  elseif i == 1 then self.d1 = value
  elseif i == 2 then self.d2 = value
  else self.d3 = value end
end

function Packet:addTo(queue)
  self.link = nil
  if queue == nil then return self end
  local next = queue
  local peek = next.link
  while peek ~= nil do
    next = peek
    peek = next.link
  end
  next.link = self
  return queue
end

TaskControlBlock = {}
TaskControlBlock.__index = TaskControlBlock
function TaskControlBlock.new(link, id, priority, queue, task)
  return setmetatable({link = link, id = id, priority = priority,
                       queue = queue, task = task,
                       packetPending = queue ~= nil, taskWaiting = true,
                       taskHolding = false}, TaskControlBlock)
end

function TaskControlBlock:setRunning()
  self.packetPending = false
  self.taskWaiting = false
  self.taskHolding = false
end

function TaskControlBlock:markAsNotHeld() self.taskHolding = false end
function TaskControlBlock:markAsHeld() self.taskHolding = true end
function TaskControlBlock:markAsSuspended() self.taskWaiting = true end
function TaskControlBlock:markAsRunnable() self.packetPending = true end

function TaskControlBlock:isHeldOrSuspended()
  return self.taskHolding or (self.taskWaiting and not self.packetPending)
end

function TaskControlBlock:run()
  local packet = nil
  if self.packetPending and self.taskWaiting and not self.taskHolding then
    packet = self.queue
    self.queue = packet.link
    self.packetPending = self.queue ~= nil
    self.taskWaiting = false
  end
  return self.task:run(packet)
end

function TaskControlBlock:checkPriorityAdd(task, packet)
  if self.queue == nil then
    self.queue = packet
    self:markAsRunnable()
    if self.priority > task.priority then return self end
  else
    self.queue = packet:addTo(self.queue)
  end
  return task
end

Scheduler = {}
Scheduler.__index = Scheduler
function Scheduler.new()
  -- The fields that start as nil in Lox (b0..b5, list, currentTcb,
  -- currentId) are simply absent until set.
  return setmetatable({queueCount = 0, holdCount = 0}, Scheduler)
end

function Scheduler:block(id)
  if id == 0 then return self.b0 end
  if id == 1 then return self.b1 end
  if id == 2 then return self.b2 end
  if id == 3 then return self.b3 end
  if id == 4 then return self.b4 end
  return self.b5
end

function Scheduler:setBlock(id, tcb)
  if id == 0 then self.b0 = tcb
  elseif id == 1 then self.b1 = tcb
  elseif id == 2 then self.b2 = tcb
  elseif id == 3 then self.b3 = tcb
  elseif id == 4 then self.b4 = tcb
  else self.b5 = tcb end
end

function Scheduler:addIdleTask(id, priority, queue, count)
  self:addRunningTask(id, priority, queue, IdleTask.new(self, 1, count))
end

function Scheduler:addWorkerTask(id, priority, queue)
  self:addTask(id, priority, queue, WorkerTask.new(self, ID_HANDLER_A, 0))
end

function Scheduler:addHandlerTask(id, priority, queue)
  self:addTask(id, priority, queue, HandlerTask.new(self))
end

function Scheduler:addDeviceTask(id, priority, queue)
  self:addTask(id, priority, queue, DeviceTask.new(self))
end

function Scheduler:addRunningTask(id, priority, queue, task)
  self:addTask(id, priority, queue, task)
  self.currentTcb:setRunning()
end

function Scheduler:addTask(id, priority, queue, task)
  self.currentTcb = TaskControlBlock.new(self.list, id, priority, queue, task)
  self.list = self.currentTcb
  self:setBlock(id, self.currentTcb)
end

function Scheduler:schedule()
  self.currentTcb = self.list
  while self.currentTcb ~= nil do
    if self.currentTcb:isHeldOrSuspended() then
      self.currentTcb = self.currentTcb.link
    else
      self.currentId = self.currentTcb.id
      self.currentTcb = self.currentTcb:run()
    end
  end
end

function Scheduler:release(id)
  local tcb = self:block(id)
  if tcb == nil then return tcb end
  tcb:markAsNotHeld()
  if tcb.priority > self.currentTcb.priority then return tcb end
  return self.currentTcb
end

function Scheduler:holdCurrent()
  self.holdCount = self.holdCount + 1
  self.currentTcb:markAsHeld()
  return self.currentTcb.link
end

function Scheduler:suspendCurrent()
  self.currentTcb:markAsSuspended()
  return self.currentTcb
end

function Scheduler:queue(packet)
  local t = self:block(packet.id)
  if t == nil then return t end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return t:checkPriorityAdd(self.currentTcb, packet)
end

IdleTask = {}
IdleTask.__index = IdleTask
function IdleTask.new(scheduler, v1, count)
  return setmetatable({scheduler = scheduler, v1 = v1, count = count}, IdleTask)
end

function IdleTask:run(packet)
  self.count = self.count - 1
  if self.count == 0 then return self.scheduler:holdCurrent() end
  local half = floor(self.v1 / 2)
  if half * 2 == self.v1 then
    self.v1 = half
    return self.scheduler:release(ID_DEVICE_A)
  end
  self.v1 = xorD008(half)
  return self.scheduler:release(ID_DEVICE_B)
end

DeviceTask = {}
DeviceTask.__index = DeviceTask
function DeviceTask.new(scheduler)
  return setmetatable({scheduler = scheduler, v1 = nil}, DeviceTask)
end

function DeviceTask:run(packet)
  if packet == nil then
    if self.v1 == nil then return self.scheduler:suspendCurrent() end
    local v = self.v1
    self.v1 = nil
    return self.scheduler:queue(v)
  end
  self.v1 = packet
  return self.scheduler:holdCurrent()
end

WorkerTask = {}
WorkerTask.__index = WorkerTask
function WorkerTask.new(scheduler, v1, v2)
  return setmetatable({scheduler = scheduler, v1 = v1, v2 = v2}, WorkerTask)
end

function WorkerTask:run(packet)
  if packet == nil then return self.scheduler:suspendCurrent() end
  if self.v1 == ID_HANDLER_A then
    self.v1 = ID_HANDLER_B
  else
    self.v1 = ID_HANDLER_A
  end
  packet.id = self.v1
  packet.a1 = 0
  local i = 0
  while i < DATA_SIZE do
    self.v2 = self.v2 + 1
    if self.v2 > 26 then self.v2 = 1 end
    packet:setData(i, self.v2)
    i = i + 1
  end
  return self.scheduler:queue(packet)
end

HandlerTask = {}
HandlerTask.__index = HandlerTask
function HandlerTask.new(scheduler)
  return setmetatable({scheduler = scheduler, v1 = nil, v2 = nil}, HandlerTask)
end

function HandlerTask:run(packet)
  if packet ~= nil then
    if packet.kind == KIND_WORK then
      self.v1 = packet:addTo(self.v1)
    else
      self.v2 = packet:addTo(self.v2)
    end
  end
  if self.v1 ~= nil then
    local count = self.v1.a1
    local v
    if count < DATA_SIZE then
      if self.v2 ~= nil then
        v = self.v2
        self.v2 = self.v2.link
        v.a1 = self.v1:data(count)
        self.v1.a1 = count + 1
        return self.scheduler:queue(v)
      end
    else
      v = self.v1
      self.v1 = self.v1.link
      return self.scheduler:queue(v)
    end
  end
  return self.scheduler:suspendCurrent()
end

function runRichards()
  local scheduler = Scheduler.new()
  scheduler:addIdleTask(ID_IDLE, 0, nil, COUNT)

  local queue = Packet.new(nil, ID_WORKER, KIND_WORK)
  queue = Packet.new(queue, ID_WORKER, KIND_WORK)
  scheduler:addWorkerTask(ID_WORKER, 1000, queue)

  queue = Packet.new(nil, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_A, KIND_DEVICE)
  scheduler:addHandlerTask(ID_HANDLER_A, 2000, queue)

  queue = Packet.new(nil, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  queue = Packet.new(queue, ID_DEVICE_B, KIND_DEVICE)
  scheduler:addHandlerTask(ID_HANDLER_B, 3000, queue)

  scheduler:addDeviceTask(ID_DEVICE_A, 4000, nil)
  scheduler:addDeviceTask(ID_DEVICE_B, 5000, nil)

  scheduler:schedule()
  return scheduler
end

local iterations = 600
local bad = 0
local last = nil
local i = 0
while i < iterations do
  last = runRichards()
  if last.queueCount ~= EXPECTED_QUEUE_COUNT or
     last.holdCount ~= EXPECTED_HOLD_COUNT then bad = bad + 1 end
  i = i + 1
end
show(last.queueCount)
show(last.holdCount)
show(bad)
