#!/usr/bin/env python3
"""Cuts the white area below the content of a PNG screenshot (standard library only).

    png_trim_bottom.py IN.png OUT.png [MARGIN]

Keeps every row down to the last one holding a pixel that is not white (all channels
>= 250), plus MARGIN rows (default 24). Reads 8-bit RGB or RGBA, non-interlaced PNGs
(what chromium writes); anything else is copied unchanged. Exits with status 3 when the
content reaches the bottom edge (the window was too short for the page), 0 otherwise.
"""
import shutil
import struct
import sys
import zlib


def chunks(data):
    pos = 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    rows, prev, pos = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 0:
            rows.append(bytes(line))
            prev = line
            continue
        if ftype == 2:
            line = bytearray((x + y) & 0xFF for x, y in zip(line, prev))
            rows.append(bytes(line))
            prev = line
            continue
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return rows


def main():
    src, dst = sys.argv[1], sys.argv[2]
    margin = int(sys.argv[3]) if len(sys.argv) > 3 else 24
    data = open(src, "rb").read()
    parts = list(chunks(data))
    ihdr = dict(parts)[b"IHDR"]
    width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    if depth != 8 or ctype not in (2, 6) or interlace != 0:
        shutil.copyfile(src, dst)
        return 0
    bpp = 3 if ctype == 2 else 4
    rows = unfilter(zlib.decompress(b"".join(body for kind, body in parts if kind == b"IDAT")), width, height, bpp)
    white = bytes([255]) * (width * bpp)
    last = 0
    for y in range(height - 1, -1, -1):
        row = rows[y]
        if row != white and min(row[i] for i in range(len(row)) if bpp == 3 or i % 4 != 3) < 250:
            last = y
            break
    keep = min(height, last + 1 + margin)
    reached_bottom = last >= height - 2
    new_ihdr = struct.pack(">IIBBBBB", width, keep, 8, ctype, 0, 0, 0)
    raw = b"".join(b"\x00" + rows[y] for y in range(keep))
    out = data[:8] + chunk(b"IHDR", new_ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    open(dst, "wb").write(out)
    return 3 if reached_bottom else 0


if __name__ == "__main__":
    sys.exit(main())
