# Draws media/icon.png (128×128): one layer node feeding two calls of a shared layer (same colour), on a dark tile.
# Pure Python (zlib + struct) so it runs anywhere python3 does; re-run after changing the drawing.
import struct, zlib, math, os

W = H = 128
px = [[(0, 0, 0, 0)] * W for _ in range(H)]

def blend(x, y, c, a):
    if 0 <= x < W and 0 <= y < H and a > 0:
        r, g, b, a0 = px[y][x]
        a = min(1.0, a)
        na = a + a0 / 255 * (1 - a)
        mix = lambda s, d: int((s * a + d * (a0 / 255) * (1 - a)) / na) if na else 0
        px[y][x] = (mix(c[0], r), mix(c[1], g), mix(c[2], b), int(na * 255))

def rounded_rect(x0, y0, x1, y1, rad, c):
    for y in range(int(y0), int(y1) + 1):
        for x in range(int(x0), int(x1) + 1):
            dx = max(x0 + rad - x - 0.5, 0, x + 0.5 - (x1 - rad))
            dy = max(y0 + rad - y - 0.5, 0, y + 0.5 - (y1 - rad))
            d = math.hypot(dx, dy) - rad
            blend(x, y, c, 0.5 - d)

def line(x0, y0, x1, y1, w, c):
    for y in range(H):
        for x in range(W):
            vx, vy = x1 - x0, y1 - y0
            t = max(0, min(1, ((x + 0.5 - x0) * vx + (y + 0.5 - y0) * vy) / (vx * vx + vy * vy)))
            d = math.hypot(x + 0.5 - (x0 + t * vx), y + 0.5 - (y0 + t * vy)) - w / 2
            blend(x, y, c, 0.5 - d)

rounded_rect(0, 0, 127, 127, 24, (30, 34, 48))
edge = (150, 160, 185)
line(64, 34, 64, 56, 5, edge)
line(64, 72, 64, 94, 5, edge)
rounded_rect(34, 16, 94, 36, 8, (86, 156, 214))    # input
rounded_rect(34, 54, 94, 74, 8, (197, 134, 192))   # shared layer, call 1
rounded_rect(34, 92, 94, 112, 8, (197, 134, 192))  # shared layer, call 2
line(98, 64, 110, 64, 4, (197, 134, 192))
line(110, 64, 110, 102, 4, (197, 134, 192))
line(98, 102, 110, 102, 4, (197, 134, 192))

raw = b''.join(b'\x00' + b''.join(struct.pack('BBBB', *p) for p in row) for row in px)
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'icon.png'), 'wb').write(png)
