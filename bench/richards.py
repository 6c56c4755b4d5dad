# Port of richards.lox: Martin Richards' operating-system
# simulation, with the same Lox-imposed changes (the task table and packet
# data as fields behind if-chains, task state as three booleans, the idle
# task's bit operations done with floor and bit flips).
from loxprint import show

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


# floor(x) for |x| < 2^51: adding and subtracting 1.5 * 2^52 rounds x to an
# integer (round-half-even); step down if that rounded up.
def floor(x):
    r = (x + 6755399441055744) - 6755399441055744
    if r > x:
        r = r - 1
    return r


# Flip the bit of value `bit` (a power of two) in the integer v >= 0.
def flipBit(v, bit):
    q = floor(v / bit)
    if floor(q / 2) * 2 == q:
        return v + bit
    return v - bit


# v ^ 0xD008 for 0 <= v < 65536 (0xD008 = 32768 + 16384 + 4096 + 8).
def xorD008(v):
    return flipBit(flipBit(flipBit(flipBit(v, 8), 4096), 16384), 32768)


class Packet:
    def __init__(self, link, id, kind):
        self.link = link
        self.id = id
        self.kind = kind
        self.a1 = 0
        self.d0 = 0
        self.d1 = 0
        self.d2 = 0
        self.d3 = 0

    def data(self, i):
        if i == 0:
            return self.d0
        if i == 1:
            return self.d1
        if i == 2:
            return self.d2
        return self.d3

    def setData(self, i, value):
        if i == 0:
            self.d0 = value
        elif i == 1:
            self.d1 = value
        elif i == 2:
            self.d2 = value
        else:
            self.d3 = value

    def addTo(self, queue):
        self.link = None
        if queue is None:
            return self
        next = queue
        peek = next.link
        while peek is not None:
            next = peek
            peek = next.link
        next.link = self
        return queue


class TaskControlBlock:
    def __init__(self, link, id, priority, queue, task):
        self.link = link
        self.id = id
        self.priority = priority
        self.queue = queue
        self.task = task
        self.packetPending = queue is not None
        self.taskWaiting = True
        self.taskHolding = False

    def setRunning(self):
        self.packetPending = False
        self.taskWaiting = False
        self.taskHolding = False

    def markAsNotHeld(self):
        self.taskHolding = False

    def markAsHeld(self):
        self.taskHolding = True

    def markAsSuspended(self):
        self.taskWaiting = True

    def markAsRunnable(self):
        self.packetPending = True

    def isHeldOrSuspended(self):
        return self.taskHolding or (self.taskWaiting and not self.packetPending)

    def run(self):
        packet = None
        if self.packetPending and self.taskWaiting and not self.taskHolding:
            packet = self.queue
            self.queue = packet.link
            self.packetPending = self.queue is not None
            self.taskWaiting = False
        return self.task.run(packet)

    def checkPriorityAdd(self, task, packet):
        if self.queue is None:
            self.queue = packet
            self.markAsRunnable()
            if self.priority > task.priority:
                return self
        else:
            self.queue = packet.addTo(self.queue)
        return task


class Scheduler:
    def __init__(self):
        self.queueCount = 0
        self.holdCount = 0
        self.b0 = None
        self.b1 = None
        self.b2 = None
        self.b3 = None
        self.b4 = None
        self.b5 = None
        self.list = None
        self.currentTcb = None
        self.currentId = None

    def block(self, id):
        if id == 0:
            return self.b0
        if id == 1:
            return self.b1
        if id == 2:
            return self.b2
        if id == 3:
            return self.b3
        if id == 4:
            return self.b4
        return self.b5

    def setBlock(self, id, tcb):
        if id == 0:
            self.b0 = tcb
        elif id == 1:
            self.b1 = tcb
        elif id == 2:
            self.b2 = tcb
        elif id == 3:
            self.b3 = tcb
        elif id == 4:
            self.b4 = tcb
        else:
            self.b5 = tcb

    def addIdleTask(self, id, priority, queue, count):
        self.addRunningTask(id, priority, queue, IdleTask(self, 1, count))

    def addWorkerTask(self, id, priority, queue):
        self.addTask(id, priority, queue, WorkerTask(self, ID_HANDLER_A, 0))

    def addHandlerTask(self, id, priority, queue):
        self.addTask(id, priority, queue, HandlerTask(self))

    def addDeviceTask(self, id, priority, queue):
        self.addTask(id, priority, queue, DeviceTask(self))

    def addRunningTask(self, id, priority, queue, task):
        self.addTask(id, priority, queue, task)
        self.currentTcb.setRunning()

    def addTask(self, id, priority, queue, task):
        self.currentTcb = TaskControlBlock(self.list, id, priority, queue, task)
        self.list = self.currentTcb
        self.setBlock(id, self.currentTcb)

    def schedule(self):
        self.currentTcb = self.list
        while self.currentTcb is not None:
            if self.currentTcb.isHeldOrSuspended():
                self.currentTcb = self.currentTcb.link
            else:
                self.currentId = self.currentTcb.id
                self.currentTcb = self.currentTcb.run()

    def release(self, id):
        tcb = self.block(id)
        if tcb is None:
            return tcb
        tcb.markAsNotHeld()
        if tcb.priority > self.currentTcb.priority:
            return tcb
        return self.currentTcb

    def holdCurrent(self):
        self.holdCount = self.holdCount + 1
        self.currentTcb.markAsHeld()
        return self.currentTcb.link

    def suspendCurrent(self):
        self.currentTcb.markAsSuspended()
        return self.currentTcb

    def queue(self, packet):
        t = self.block(packet.id)
        if t is None:
            return t
        self.queueCount = self.queueCount + 1
        packet.link = None
        packet.id = self.currentId
        return t.checkPriorityAdd(self.currentTcb, packet)


class IdleTask:
    def __init__(self, scheduler, v1, count):
        self.scheduler = scheduler
        self.v1 = v1
        self.count = count

    def run(self, packet):
        self.count = self.count - 1
        if self.count == 0:
            return self.scheduler.holdCurrent()
        half = floor(self.v1 / 2)
        if half * 2 == self.v1:
            self.v1 = half
            return self.scheduler.release(ID_DEVICE_A)
        self.v1 = xorD008(half)
        return self.scheduler.release(ID_DEVICE_B)


class DeviceTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.v1 = None

    def run(self, packet):
        if packet is None:
            if self.v1 is None:
                return self.scheduler.suspendCurrent()
            v = self.v1
            self.v1 = None
            return self.scheduler.queue(v)
        self.v1 = packet
        return self.scheduler.holdCurrent()


class WorkerTask:
    def __init__(self, scheduler, v1, v2):
        self.scheduler = scheduler
        self.v1 = v1
        self.v2 = v2

    def run(self, packet):
        if packet is None:
            return self.scheduler.suspendCurrent()
        if self.v1 == ID_HANDLER_A:
            self.v1 = ID_HANDLER_B
        else:
            self.v1 = ID_HANDLER_A
        packet.id = self.v1
        packet.a1 = 0
        for i in range(DATA_SIZE):
            self.v2 = self.v2 + 1
            if self.v2 > 26:
                self.v2 = 1
            packet.setData(i, self.v2)
        return self.scheduler.queue(packet)


class HandlerTask:
    def __init__(self, scheduler):
        self.scheduler = scheduler
        self.v1 = None
        self.v2 = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.v1 = packet.addTo(self.v1)
            else:
                self.v2 = packet.addTo(self.v2)
        if self.v1 is not None:
            count = self.v1.a1
            if count < DATA_SIZE:
                if self.v2 is not None:
                    v = self.v2
                    self.v2 = self.v2.link
                    v.a1 = self.v1.data(count)
                    self.v1.a1 = count + 1
                    return self.scheduler.queue(v)
            else:
                v = self.v1
                self.v1 = self.v1.link
                return self.scheduler.queue(v)
        return self.scheduler.suspendCurrent()


def runRichards():
    scheduler = Scheduler()
    scheduler.addIdleTask(ID_IDLE, 0, None, COUNT)

    queue = Packet(None, ID_WORKER, KIND_WORK)
    queue = Packet(queue, ID_WORKER, KIND_WORK)
    scheduler.addWorkerTask(ID_WORKER, 1000, queue)

    queue = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    scheduler.addHandlerTask(ID_HANDLER_A, 2000, queue)

    queue = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    scheduler.addHandlerTask(ID_HANDLER_B, 3000, queue)

    scheduler.addDeviceTask(ID_DEVICE_A, 4000, None)
    scheduler.addDeviceTask(ID_DEVICE_B, 5000, None)

    scheduler.schedule()
    return scheduler


iterations = 600
bad = 0
last = None
for i in range(iterations):
    last = runRichards()
    if (last.queueCount != EXPECTED_QUEUE_COUNT or
            last.holdCount != EXPECTED_HOLD_COUNT):
        bad = bad + 1
show(last.queueCount)
show(last.holdCount)
show(bad)
