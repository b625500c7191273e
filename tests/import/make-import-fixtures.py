#!/usr/bin/env python3
"""Writes the synthetic watch files behind the import tests (tests/cli/import-*.t), each built to
show one failure that real files from a runner's history showed: activities that do not say
their sport, multisport and multi-session files, wrong values, liberties, absurd values and one
activity in two formats. The files are committed; run this again only to change them.
Usage: make-import-fixtures.py OUTDIR, or make-import-fixtures.py --seeds FUZZDIR for small seeds
of the same shapes in fuzz/corpus/{gpx,tcx,fit}/."""
import importlib.util, math, os, struct, sys

# The FIT writer (CRC, header, definitions) is make-fit-seeds.py's.
_seeds = importlib.util.spec_from_file_location(
    'seeds', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'make-fit-seeds.py'))
_fs = importlib.util.module_from_spec(_seeds)
_seeds.loader.exec_module(_fs)
crc16, definition = _fs.crc16, _fs.definition


def fit(body):
    return _fs.fit(body)


FIT_EPOCH = 631065600
T0 = 1791095400  # 2026-10-04T06:30:00Z
LAT0, LON0 = 51.5, -0.12
SEMI = 2147483648.0 / 180.0


def fit_activity(legs, sessions=True, timer_override=None):
    """legs: [(sport, sub_sport, seconds, speed m/s, per-foot cadence)], one record a second
    heading north; a session per leg (when sessions) with its own window."""
    b = definition(0, 0, [(0, 1, 0x00), (4, 4, 0x86)])
    b += bytes([0]) + struct.pack('<BI', 4, T0 - FIT_EPOCH)
    b += definition(1, 20, [(253, 4, 0x86), (0, 4, 0x85), (1, 4, 0x85), (5, 4, 0x86),
                            (3, 1, 0x02), (4, 1, 0x02), (73, 4, 0x86)])
    sess = definition(2, 18, [(253, 4, 0x86), (2, 4, 0x86), (5, 1, 0x00), (6, 1, 0x00),
                              (7, 4, 0x86), (8, 4, 0x86), (9, 4, 0x86), (16, 1, 0x02),
                              (18, 1, 0x02)])
    t, dist, lat = T0, 0.0, LAT0
    summaries = []
    for sport, sub, secs, speed, cad in legs:
        start, d0 = t, dist
        for i in range(secs):
            b += bytes([1]) + struct.pack('<IiiIBBI', t - FIT_EPOCH, int(lat * SEMI),
                                          int(LON0 * SEMI), int(dist * 100), 140, cad,
                                          int(speed * 1000))
            t += 1
            dist += speed
            lat += speed / 111195.0
        timer = secs - 1 if timer_override is None else timer_override
        summaries.append(struct.pack('<IIBBIIIBB', t - FIT_EPOCH, start - FIT_EPOCH, sport, sub,
                                     (secs - 1) * 1000, timer * 1000,
                                     int((dist - speed - d0) * 100), 140, cad))
        t += 30  # a transition
    if sessions:
        b += sess
        for s in summaries:
            b += bytes([2]) + s
    return fit(b)


def gpx(points, type_=None, ns_extra='', ext=None, head_space=''):
    out = [head_space + '<?xml version="1.0" encoding="UTF-8"?>\n',
           '<gpx version="1.1" creator="numbfoot tests" xmlns="http://www.topografix.com/GPX/1/1"%s>\n' % ns_extra,
           '<trk><name>t</name>' + ('<type>%s</type>' % type_ if type_ else '') + '<trkseg>\n']
    for i, (t, lat, lon) in enumerate(points):
        e = ext(i) if ext else ''
        out.append('<trkpt lat="%s" lon="%.7f"><time>%s</time>%s</trkpt>\n'
                   % (lat if isinstance(lat, str) else '%.7f' % lat, lon, iso(t), e))
    out.append('</trkseg></trk></gpx>\n')
    return ''.join(out)


def iso(t, frac=False):
    import time
    s = time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t))
    return s + ('.000Z' if frac else 'Z')


def line(secs, step_s, speed, t0=T0):
    return [(t0 + i * step_s, LAT0 + i * step_s * speed / 111195.0, LON0)
            for i in range(secs // step_s + 1)]


def tcx_activity(sport, t0, secs, speed, cad=None, laps=None, id_t=None, lap_dist=None):
    laps = laps or [(t0, secs)]
    out = ['<Activity Sport="%s"><Id>%s</Id>\n' % (sport, iso(id_t if id_t is not None else t0, True))]
    pts = line(secs, 10, speed, t0)
    for k, (ls, lsecs) in enumerate(laps):
        out.append('<Lap StartTime="%s"><TotalTimeSeconds>%d</TotalTimeSeconds>'
                   '<DistanceMeters>%s</DistanceMeters><Track>\n'
                   % (iso(ls, True), lsecs, lap_dist if lap_dist else '%.1f' % (lsecs * speed)))
        for t, lat, lon in pts:
            if k == 0:
                c = '<Cadence>%d</Cadence>' % cad if cad else ''
                out.append('<Trackpoint><Time>%s</Time><Position><LatitudeDegrees>%.7f</LatitudeDegrees>'
                           '<LongitudeDegrees>%.7f</LongitudeDegrees></Position>'
                           '<DistanceMeters>%.1f</DistanceMeters>%s</Trackpoint>\n'
                           % (iso(t, True), lat, lon, (t - t0) * speed, c))
        out.append('</Track></Lap>\n')
    out.append('</Activity>\n')
    return ''.join(out)


TCX_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">\n')


def tcx(body, head_space=''):
    return head_space + TCX_HEAD + body + '</TrainingCenterDatabase>\n'


def main(out):
    os.makedirs(out, exist_ok=True)
    files = {}
    # Sport when the file does not say.
    files['ride-no-type.gpx'] = gpx(line(3763, 30, 7.6))
    files['run-no-type.gpx'] = gpx(line(1800, 10, 3.1))
    files['strava-swim.gpx'] = gpx(line(600, 10, 1.0), 'swim')
    files['strava-virtualride.gpx'] = gpx(line(1800, 10, 9.0), 'VirtualRide')
    files['ski-other.tcx'] = tcx('<Activities>' + tcx_activity('Other', T0, 3600, 4.0, cad=50) + '</Activities>')
    files['treadmill-generic.fit'] = fit_activity([(0, 1, 600, 3.0, 84)])
    files['road-generic.fit'] = fit_activity([(0, 7, 600, 3.0, 84)])
    files['ride-no-session.fit'] = fit_activity([(2, 0, 1200, 8.0, 87)], sessions=False)
    # Every run session or leg its own run.
    files['brick.fit'] = fit_activity([(1, 0, 1200, 3.1, 84), (2, 0, 1800, 8.0, 87),
                                       (1, 0, 4000, 3.2, 85)])
    files['three-runs.tcx'] = tcx('<Activities>' + ''.join(
        tcx_activity('Running', T0 + k * 86400, 1500 + 300 * k, 3.0) for k in range(3)) + '</Activities>')
    files['bike-run-bike.tcx'] = tcx(
        '<Activities><MultiSportSession><Id>%s</Id><FirstSport>' % iso(T0, True)
        + tcx_activity('Biking', T0, 1800, 8.0) + '</FirstSport><NextSport>'
        + tcx_activity('Running', T0 + 1900, 1200, 3.2) + '</NextSport><NextSport>'
        + tcx_activity('Biking', T0 + 3200, 1800, 8.0) + '</NextSport></MultiSportSession></Activities>')
    # Wrong values.
    files['connect-id-zeroed.tcx'] = tcx('<Activities>' + tcx_activity('Running', T0 + 37, 1200, 3.0, id_t=T0)
                                         + '</Activities>')
    files['laps-span-more.tcx'] = tcx('<Activities>' + tcx_activity(
        'Running', T0, 1800, 3.0, laps=[(T0, 1800), (T0 + 1800, 1500)]) + '</Activities>')
    files['treadmill-steps.tcx'] = tcx('<Activities>' + tcx_activity('Running', T0, 1200, 2.9, cad=134)
                                       + '</Activities>')
    gd = ' xmlns:gpxdata="http://www.cluetrust.com/XML/GPXDATA/1/0"'
    gext = lambda i: ('<extensions><gpxdata:hr>%d</gpxdata:hr><gpxdata:cadence>%d</gpxdata:cadence>'
                      '<gpxdata:temp>%d</gpxdata:temp></extensions>' % (140 + i % 10, 84, 11))
    files['movescount-gpxdata.gpx'] = gpx(line(1200, 10, 3.0), 'running', gd, gext)
    files['strava-undeclared.gpx'] = gpx(line(1200, 10, 3.0), 'running', '', gext)
    files['polar-spaces.tcx'] = tcx('<Activities>' + tcx_activity('Running', T0, 1200, 3.0) + '</Activities>',
                                    head_space='  \n ')
    # Absurd values.
    files['distance-1e300.tcx'] = tcx('<Activities>' + tcx_activity('Running', T0, 1200, 3.0, lap_dist='1e300')
                                      + '</Activities>')
    hexpts = line(600, 10, 3.0)
    hexpts[3] = (hexpts[3][0], '0x1.9c0000p+5', hexpts[3][2])
    files['hex-latitude.gpx'] = gpx(hexpts, 'running')
    tele = line(1800, 10, 3.0)
    tele[54] = (tele[54][0], -40.0, 175.0)  # the other side of the Earth for one point
    files['teleport.gpx'] = gpx(tele, 'running')
    files['moving-wrapped.fit'] = fit_activity([(1, 0, 3884, 2.8, 84)], timer_override=4294939)
    # One activity in two formats: the FIT and the TCX of the same run (TCX 4 s later, 1% longer).
    files['same-run.fit'] = fit_activity([(1, 0, 2400, 3.0, 84)])
    files['same-run.tcx'] = tcx('<Activities>' + tcx_activity('Running', T0 + 4, 2390, 3.03) + '</Activities>')
    for name, data in files.items():
        mode = 'wb' if isinstance(data, bytes) else 'w'
        with open(os.path.join(out, name), mode) as f:
            f.write(data)


def seeds(out):
    gd = lambda i: '<extensions><gpxdata:hr>150</gpxdata:hr><gpxdata:cadence>84</gpxdata:cadence></extensions>'
    files = {
        'gpx/undeclared-gpxdata.gpx': gpx(line(20, 10, 3.0), 'running', '', gd),
        'gpx/spaces-no-type.gpx': gpx(line(20, 10, 7.0), head_space='  \n'),
        'gpx/teleport.gpx': gpx([(T0, LAT0, LON0), (T0 + 10, -40.0, 175.0), (T0 + 20, LAT0, LON0)]),
        'tcx/multisport.tcx': tcx('<Activities><MultiSportSession><FirstSport>'
                                  + tcx_activity('Biking', T0, 20, 8.0) + '</FirstSport><NextSport>'
                                  + tcx_activity('Running', T0 + 30, 20, 3.0, cad=84)
                                  + '</NextSport></MultiSportSession></Activities>', head_space=' '),
        'tcx/two-runs-laps.tcx': tcx('<Activities>' + tcx_activity('Running', T0 + 7, 20, 3.0, id_t=T0,
                                     laps=[(T0 + 7, 20), (T0 + 27, 40)]) + tcx_activity('Other', T0 + 99, 20, 3.0, cad=134)
                                     + '</Activities>'),
        'fit/brick-small.fit': fit_activity([(1, 0, 5, 3.1, 84), (2, 7, 5, 8.0, 87), (1, 0, 5, 3.2, 85)]),
        'fit/wrapped-timer.fit': fit_activity([(0, 1, 5, 2.8, 84)], timer_override=4294939),
    }
    cut = fit_activity([(1, 0, 8, 3.0, 84)])
    files['fit/cut-early.fit'] = cut[:len(cut) - 40]
    for name, data in files.items():
        mode = 'wb' if isinstance(data, bytes) else 'w'
        with open(os.path.join(out, name), mode) as f:
            f.write(data)


if __name__ == '__main__':
    if sys.argv[1] == '--seeds':
        seeds(sys.argv[2])
    else:
        main(sys.argv[1])
