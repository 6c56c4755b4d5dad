# Port of bench/method_call.lox: a ring of Toggle and NthToggle objects
# activated in a loop, with the subclass calling up to its superclass's
# method.
from loxprint import show


class Toggle:
    def __init__(self, state):
        self.state = state
        self.next = None

    def value(self):
        return self.state

    def activate(self):
        self.state = not self.state
        return self


class NthToggle(Toggle):
    def __init__(self, state, max):
        Toggle.__init__(self, state)
        self.max = max
        self.count = 0

    def activate(self):
        self.count = self.count + 1
        if self.count >= self.max:
            Toggle.activate(self)
            self.count = 0
        return self


def run(n):
    first = Toggle(True)
    second = NthToggle(True, 2)
    third = Toggle(False)
    fourth = NthToggle(False, 3)
    fifth = NthToggle(True, 5)
    first.next = second
    second.next = third
    third.next = fourth
    fourth.next = fifth
    fifth.next = first

    shownTrue = 0
    toggle = first
    for i in range(n):
        if toggle.activate().value():
            shownTrue = shownTrue + 1
            if shownTrue == 999983:
                shownTrue = 0
        toggle = toggle.next
    show(first.value())
    show(second.value())
    show(third.value())
    show(fourth.value())
    show(fifth.value())
    show(shownTrue)


run(100000000)
