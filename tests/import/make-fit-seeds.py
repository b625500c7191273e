#!/usr/bin/env python3
"""Writes small FIT files that exercise the reader's less common paths, as fuzz seeds:
big-endian definitions, compressed timestamp headers with compressed speed/distance,
developer fields, a 12-byte header, and a chained pair. Usage: make-fit-seeds.py OUTDIR"""
import struct, sys, os

CRC_T = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
         0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]

def crc16(data, crc=0):
    for b in data:
        tmp = CRC_T[crc & 0xF]; crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ CRC_T[b & 0xF]
        tmp = CRC_T[crc & 0xF]; crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ CRC_T[(b >> 4) & 0xF]
    return crc

def fit(body, header14=True):
    if header14:
        h = struct.pack('<BBHI4s', 14, 0x20, 2132, len(body), b'.FIT')
        h += struct.pack('<H', crc16(h))
    else:
        h = struct.pack('<BBHI4s', 12, 0x10, 2132, len(body), b'.FIT')
    data = h + body
    return data + struct.pack('<H', crc16(data))

def definition(local, glob, fields, big=False, dev=None):
    e = '>' if big else '<'
    hdr = 0x40 | local | (0x20 if dev else 0)
    out = struct.pack(e + 'BBBHB', hdr, 0, 1 if big else 0, glob, len(fields))
    for num, size, base in fields:
        out += bytes([num, size, base])
    if dev:
        out += bytes([len(dev)])
        for num, size, idx in dev:
            out += bytes([num, size, idx])
    return out

TS0 = 1097000000  # 2024-10-04 in FIT seconds

def activity(big=False, records=6, sport=1, compressed=False, dev=False, header14=True):
    e = '>' if big else '<'
    b = definition(0, 0, [(0, 1, 0x00), (4, 4, 0x86)], big)
    b += bytes([0]) + struct.pack(e + 'BI', 4, TS0)
    if compressed:
        # local 1: record with timestamp, then local 2: compressed record without it
        b += definition(1, 20, [(253, 4, 0x86), (3, 1, 0x02), (8, 3, 0x0D), (4, 1, 0x02)], big)
        b += bytes([1]) + struct.pack(e + 'IB', TS0, 120) + bytes([0x2C, 0x01, 0x00]) + bytes([84])
        b += definition(2, 20, [(3, 1, 0x02), (8, 3, 0x0D), (4, 1, 0x02)], big)
        dist = 0
        for i in range(1, records):
            dist = (dist + 45) & 0xFFF  # 2.8 m a step in 1/16 m, rolling over
            sp = 300
            cs = bytes([sp & 0xFF, ((sp >> 8) & 0x0F) | ((dist & 0x0F) << 4), dist >> 4])
            b += bytes([0x80 | (2 << 5) | ((TS0 + i * 7) & 0x1F)]) + bytes([130 + i]) + cs + bytes([85])
    else:
        devs = [(0, 2, 0), (1, 1, 0)] if dev else None
        b += definition(1, 20, [(253, 4, 0x86), (5, 4, 0x86), (3, 1, 0x02), (4, 1, 0x02),
                                (13, 1, 0x01), (53, 1, 0x02), (73, 4, 0x86)], big, devs)
        for i in range(records):
            b += bytes([1]) + struct.pack(e + 'IIBBbBI', TS0 + i, 280 * i, 140 + i, 83, 12, 64, 2800)
            if dev:
                b += b'\x01\x02\x03'
    b += definition(2 if not compressed else 3, 18,
                    [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86), (8, 4, 0x86),
                     (9, 4, 0x86), (16, 1, 0x02), (18, 1, 0x02), (92, 1, 0x02), (57, 1, 0x01),
                     (134, 2, 0x84)], big)
    b += bytes([2 if not compressed else 3]) + struct.pack(
        e + 'IIBIIIBBBbH', TS0 + records, TS0, sport, records * 1000, records * 1000,
        280 * records, 145, 83, 64, 12, 1050)
    return fit(b, header14)

if __name__ == '__main__':
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    seeds = {
        'le-run.fit': activity(),
        'be-run.fit': activity(big=True),
        'compressed.fit': activity(compressed=True, records=40),
        'developer.fit': activity(dev=True),
        'header12.fit': activity(header14=False),
        'cycling.fit': activity(sport=2),
        'chained.fit': activity(records=3) + activity(big=True, records=3),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)
