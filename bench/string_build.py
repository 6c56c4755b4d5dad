# Port of string_build.lox: a decimal counter kept as a linked list
# of digits, rendered both ways by one-character concatenations; counts the
# palindromes and joins every 100000th rendering.
from loxprint import show


class Digit:
    def __init__(self, value, next):
        self.value = value
        self.next = next


def digitChar(d):
    if d < 5:
        if d == 0:
            return "0"
        if d == 1:
            return "1"
        if d == 2:
            return "2"
        if d == 3:
            return "3"
        return "4"
    if d == 5:
        return "5"
    if d == 6:
        return "6"
    if d == 7:
        return "7"
    if d == 8:
        return "8"
    return "9"


class Counter:
    def __init__(self):
        self.low = Digit(0, None)

    def increment(self):
        node = self.low
        while node.value == 9:
            node.value = 0
            if node.next is None:
                node.next = Digit(0, None)
            node = node.next
        node.value = node.value + 1

    # Most significant digit first: the usual way to write the number.
    def render(self):
        s = ""
        node = self.low
        while node is not None:
            s = digitChar(node.value) + s
            node = node.next
        return s

    # Least significant digit first: the rendering read backwards.
    def renderReversed(self):
        s = ""
        node = self.low
        while node is not None:
            s = s + digitChar(node.value)
            node = node.next
        return s


def run(n):
    counter = Counter()
    palindromes = 0
    joined = ""
    text = ""
    tick = 0
    for i in range(n):
        counter.increment()
        text = counter.render()
        if text == counter.renderReversed():
            palindromes = palindromes + 1
        tick = tick + 1
        if tick == 100000:
            tick = 0
            if joined == "":
                joined = text
            else:
                joined = joined + "," + text
    show(palindromes)
    show(text)
    show(joined)


run(500000)
