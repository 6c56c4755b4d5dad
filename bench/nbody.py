# Port of nbody.lox: the Jovian planets simulation with the bodies
# in a linked list and sqrt by Newton's method, doing the same IEEE double
# operations in the same order as the Lox program.
from loxprint import show


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass, next):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx
        self.vy = vy
        self.vz = vz
        self.mass = mass
        self.next = next


def sqrt(a):
    x = a
    if x < 1:
        x = 1
    y = (x + a / x) * 0.5
    while y < x:
        x = y
        y = (x + a / x) * 0.5
    return x


# floor(x) for |x| < 2^51: adding and subtracting 1.5 * 2^52 rounds x to an
# integer (round-half-even); step down if that rounded up.
def floor(x):
    r = (x + 6755399441055744) - 6755399441055744
    if r > x:
        r = r - 1
    return r


PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def makeSystem():
    neptune = Body(
        15.379697114850917, -25.919314609987964, 0.17925877295037118,
        0.0026806777249038932 * DAYS_PER_YEAR,
        0.001628241700382423 * DAYS_PER_YEAR,
        -0.00009515922545197159 * DAYS_PER_YEAR,
        0.000051513890204661145 * SOLAR_MASS, None)
    uranus = Body(
        12.894369562139131, -15.111151401698631, -0.22330757889265573,
        0.0029646013756476162 * DAYS_PER_YEAR,
        0.0023784717395948095 * DAYS_PER_YEAR,
        -0.000029658956854023756 * DAYS_PER_YEAR,
        0.00004366244043351563 * SOLAR_MASS, neptune)
    saturn = Body(
        8.34336671824458, 4.124798564124305, -0.4035234171143214,
        -0.002767425107268624 * DAYS_PER_YEAR,
        0.004998528012349172 * DAYS_PER_YEAR,
        0.000023041729757376393 * DAYS_PER_YEAR,
        0.0002858859806661308 * SOLAR_MASS, uranus)
    jupiter = Body(
        4.841431442464721, -1.1603200440274284, -0.10362204447112311,
        0.001660076642744037 * DAYS_PER_YEAR,
        0.007699011184197404 * DAYS_PER_YEAR,
        -0.0000690460016972063 * DAYS_PER_YEAR,
        0.0009547919384243266 * SOLAR_MASS, saturn)
    sun = Body(0, 0, 0, 0, 0, 0, SOLAR_MASS, jupiter)
    return sun


def offsetMomentum(bodies):
    px = 0
    py = 0
    pz = 0
    b = bodies
    while b is not None:
        px = px + b.vx * b.mass
        py = py + b.vy * b.mass
        pz = pz + b.vz * b.mass
        b = b.next
    bodies.vx = -px / SOLAR_MASS
    bodies.vy = -py / SOLAR_MASS
    bodies.vz = -pz / SOLAR_MASS


def energy(bodies):
    e = 0
    b = bodies
    while b is not None:
        e = e + 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        b2 = b.next
        while b2 is not None:
            dx = b.x - b2.x
            dy = b.y - b2.y
            dz = b.z - b2.z
            e = e - (b.mass * b2.mass) / sqrt(dx * dx + dy * dy + dz * dz)
            b2 = b2.next
        b = b.next
    return e


def advance(bodies, dt):
    b = bodies
    while b is not None:
        b2 = b.next
        while b2 is not None:
            dx = b.x - b2.x
            dy = b.y - b2.y
            dz = b.z - b2.z
            dsq = dx * dx + dy * dy + dz * dz
            mag = dt / (dsq * sqrt(dsq))
            bm = b.mass * mag
            b2m = b2.mass * mag
            b.vx = b.vx - dx * b2m
            b.vy = b.vy - dy * b2m
            b.vz = b.vz - dz * b2m
            b2.vx = b2.vx + dx * bm
            b2.vy = b2.vy + dy * bm
            b2.vz = b2.vz + dz * bm
            b2 = b2.next
        b = b.next
    b = bodies
    while b is not None:
        b.x = b.x + dt * b.vx
        b.y = b.y + dt * b.vy
        b.z = b.z + dt * b.vz
        b = b.next


def printEnergy(e):
    scaled = floor(-e * 1000000000000)
    high = floor(scaled / 1000000)
    show(high)
    show(scaled - high * 1000000)


bodies = makeSystem()
offsetMomentum(bodies)
printEnergy(energy(bodies))
for i in range(300000):
    advance(bodies, 0.01)
printEnergy(energy(bodies))
