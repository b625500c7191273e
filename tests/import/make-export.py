#!/usr/bin/env python3
"""Writes synthetic bulk exports for the import tests and benchmark (numbfoot's own data):

  make-export.py strava N OUT.zip [--dir DIR] [--last-pair NAME]  a Strava-style export of N activities: activities.csv
      (Activity ID, Activity Date, Activity Name, Activity Type, ..., Activity Gear, Filename, with
      Strava's repeated columns) and activities/ holding .fit.gz, .gpx.gz and .tcx files; one in
      ten a ride (its GPX says no sport: the CSV's type decides), one in twenty-five a manual
      activity with no file; runs in three pairs of shoes by period, the last named NAME if given.
      --dir also unpacks it there.
  make-export.py garmin OUT.zip   a Garmin Connect account export: a zip of FIT files inside it
  make-export.py bomb OUT.zip     an export whose one activity expands 20 MiB from a few KiB
  make-export.py liar OUT.zip     a zip whose central directory declares a 3 GiB entry

Each activity is 20 to 60 minutes, a record every 2 s (every 10 s in GPX and TCX)."""
import gzip, io, os, random, struct, sys, time, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util
_spec = importlib.util.spec_from_file_location(
    'fixtures', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'make-import-fixtures.py'))
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

DAY = 86400
START = 1420099200  # 2015-01-01T08:00:00Z


def fit_run(t0, secs, speed, sport=1, step=2):
    b = fx.definition(0, 0, [(0, 1, 0x00), (4, 4, 0x86)])
    b += bytes([0]) + struct.pack('<BI', 4, t0 - fx.FIT_EPOCH)
    b += fx.definition(1, 20, [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (5, 4, 0x86),
                               (3, 1, 0x02), (4, 1, 0x02), (73, 4, 0x86)])
    rec = struct.Struct('<BIiiIBBI')
    lat, lon = 48.85, 2.35
    parts = []
    for i in range(0, secs + 1, step):
        d = i * speed
        parts.append(rec.pack(1, t0 + i - fx.FIT_EPOCH, int((lat + d / 111195.0) * fx.SEMI),
                              int(lon * fx.SEMI), int(d * 100), 130 + (i // 60) % 30,
                              84 if sport == 1 else 88, int(speed * 1000)))
    b += b''.join(parts)
    b += fx.definition(2, 18, [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (7, 4, 0x86),
                               (8, 4, 0x86), (9, 4, 0x86)])
    b += bytes([2]) + struct.pack('<IIBIII', t0 + secs - fx.FIT_EPOCH, t0 - fx.FIT_EPOCH, sport,
                                  secs * 1000, secs * 1000, int(secs * speed * 100))
    return fx.fit(b)


def strava_date(t):
    return time.strftime('%b %-d, %Y, %-I:%M:%S %p', time.gmtime(t))


def csv_field(s):
    s = str(s)
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s


def strava(n, out, unpack=None, last_pair=None):
    rnd = random.Random(12)
    header = ['Activity ID', 'Activity Date', 'Activity Name', 'Activity Type', 'Activity Description',
              'Elapsed Time', 'Distance', 'Max Heart Rate', 'Relative Effort', 'Commute',
              'Activity Private Note', 'Activity Gear', 'Filename', 'Athlete Weight', 'Bike Weight',
              'Elapsed Time', 'Moving Time', 'Distance']
    rows, files = [], {}
    shoes = ['Pegasus 38', 'Trail "Blazer"', last_pair or 'Racer, orange']
    for k in range(n):
        aid = 1000000 + k
        t0 = START + k * DAY // 2 + rnd.randint(0, 3600)
        secs = rnd.randint(20, 60) * 60
        kind = k % 10
        pair = shoes[min(2, k * 3 // n)]
        desc = 'easy\nwith "strides"' if k % 7 == 0 else ''
        if k % 25 == 24:  # a manual activity: a row, no file
            rows.append([aid, strava_date(t0), 'Treadmill (typed)', 'Run', desc, secs, 5.0, '', '', 'false',
                         '', pair, '', '', '', secs, secs, 5000.0])
            continue
        if kind == 9:  # a ride whose GPX says no sport
            speed, typ, gear = 7.5, 'Ride', 'Road bike'
            pts = fx.line(secs, 10, speed, t0)
            name = 'activities/%d.gpx.gz' % aid
            files[name] = gzip.compress(fx.gpx(pts).encode(), 6, mtime=0)
        else:
            speed, typ, gear = rnd.uniform(2.6, 3.6), 'Run', pair
            if kind in (7, 8):
                name = 'activities/%d.gpx.gz' % aid
                files[name] = gzip.compress(fx.gpx(fx.line(secs, 10, speed, t0), 'running').encode(), 6,
                                            mtime=0)
            elif kind == 6:
                name = 'activities/%d.tcx' % aid
                files[name] = fx.tcx('<Activities>' + fx.tcx_activity('Running', t0, secs, speed)
                                     + '</Activities>').encode()
            else:
                name = 'activities/%d.fit.gz' % aid
                files[name] = gzip.compress(fit_run(t0, secs, speed), 6, mtime=0)
        rows.append([aid, strava_date(t0), 'Morning %s %d' % (typ, k), typ, desc, secs,
                     round(secs * speed / 1000, 2), '', '', 'false', '', gear, name, '', '', secs, secs,
                     round(secs * speed, 1)])
    csv = ','.join(header) + '\n' + ''.join(','.join(csv_field(v) for v in r) + '\n' for r in rows)
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('activities.csv', csv)
        z.writestr('profile.csv', 'Athlete ID\n1\n')
        for name, data in files.items():
            # Already gzip: stored, as Strava stores them.
            z.writestr(name, data, zipfile.ZIP_STORED if name.endswith('.gz') else zipfile.ZIP_DEFLATED)
    if unpack:
        with zipfile.ZipFile(out) as z:
            z.extractall(unpack)


def garmin(out):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, 'w', zipfile.ZIP_DEFLATED) as z:
        for k in range(3):
            z.writestr('user@example.org_%d.fit' % (900 + k), fit_run(START + k * DAY, 1800, 3.0))
        z.writestr('user@example.org_903.fit', fit_run(START + 3 * DAY, 1800, 8.0, sport=2))
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('DI_CONNECT/DI-Connect-Fitness/user_0_summarizedActivities.json', '[]')
        z.writestr('DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip', inner.getvalue(),
                   zipfile.ZIP_STORED)


def bomb(out):
    head = fx.gpx(fx.line(60, 10, 3.0), 'running').replace('</gpx>', '')
    body = head + '<!--' + ' ' * (20 << 20) + '--></gpx>\n'
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('activities.csv', 'Activity ID,Activity Type,Activity Gear,Filename\n1,Run,,activities/1.gpx\n'
                   '2,Run,,activities/2.fit.gz\n')
        z.writestr('activities/1.gpx', body)
        z.writestr('activities/2.fit.gz', gzip.compress(fit_run(START, 1200, 3.0), 6, mtime=0),
                   zipfile.ZIP_STORED)


def liar(out):
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('activities/1.fit', fit_run(START, 600, 3.0))
    data = bytearray(open(out, 'rb').read())
    cd = data.rfind(b'PK\x01\x02')  # the central directory entry: uncompressed size at +24
    struct.pack_into('<I', data, cd + 24, 3 << 30)
    struct.pack_into('<I', data, 22, 3 << 30)  # and the local header's, at +22
    open(out, 'wb').write(bytes(data))


if __name__ == '__main__':
    what = sys.argv[1]
    if what == 'strava':
        unpack = sys.argv[sys.argv.index('--dir') + 1] if '--dir' in sys.argv else None
        last = sys.argv[sys.argv.index('--last-pair') + 1] if '--last-pair' in sys.argv else None
        strava(int(sys.argv[2]), sys.argv[3], unpack, last)
    else:
        {'garmin': garmin, 'bomb': bomb, 'liar': liar}[what](sys.argv[2])
