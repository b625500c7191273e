// Decodes FIT files with Garmin's own SDK (@garmin/fitsdk) and prints, one JSON line per file,
// the first run numbfoot's importer should produce, by the same rules (see lib/import/fit.c,
// sport.c, check.c): each session is an activity, the first running one (else a generic or
// sportless one, or one whose sub-sport is running's) gives the totals, the records of its time
// window (all of them when there is one session) fill what it lacks, cadence follows the one
// rule (a mean below 120 counts one foot and is doubled), a moving time longer than the elapsed
// time is repaired. A file cut short (fewer bytes than its header promises) that the SDK decodes
// in part is held to the part it decodes.
// Usage: node oracle.mjs FILE.fit...
import { Decoder, Stream } from "@garmin/fitsdk";
import * as fs from "fs";
import * as path from "path";

const FIT_EPOCH_MS = 631065600 * 1000;
const num = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const secs = (d) => (d instanceof Date ? d.getTime() / 1000 : typeof d === "number" ? d + FIT_EPOCH_MS / 1000 : null);

function summarise(file) {
  const out = { path: file };
  const bytes = fs.readFileSync(file);
  const dec = new Decoder(Stream.fromByteArray(Array.from(bytes)));
  if (!dec.isFIT()) return { ...out, sdk: "not-fit" };
  out.integrity = dec.checkIntegrity();
  const { messages, errors } = dec.read({ mergeHeartRates: false });
  out.sdk_errors = errors.map((e) => e.message);
  const headerSize = bytes[0], dataSize = bytes.readUInt32LE(4);
  const cut = bytes.length < headerSize + dataSize + 2;
  const decoded = (messages.recordMesgs || []).length + (messages.sessionMesgs || []).length;
  const unsupported = out.sdk_errors.some((e) => /not currently supported/.test(e));
  if (!(cut && decoded && !unsupported) && (!out.integrity || errors.length)) return { ...out, sdk: "error" };

  const fileIds = messages.fileIdMesgs || [];
  if (fileIds.length && !fileIds.some((m) => m.type === "activity")) return { ...out, sdk: "skip", why: "not an activity" };
  const sessions = messages.sessionMesgs || [];
  let records = messages.recordMesgs || [];
  const runningSub = ["treadmill", "street", "trail", "track", "indoorRunning"];
  let s = sessions.find((m) => m.sport === "running") ||
    sessions.find((m) => m.sport === undefined || m.sport === "generic");
  if (s && sessions.length > 1 && s.startTime && num(s.totalElapsedTime) !== null) {
    const t0 = secs(s.startTime), t1 = t0 + s.totalElapsedTime;
    records = records.filter((m) => m.timestamp && secs(m.timestamp) >= t0 && secs(m.timestamp) <= t1);
  }
  if (!s && sessions.length) return { ...out, sdk: "skip", why: `not a run: ${sessions[0].sport}` };
  const sportMesg = (messages.sportMesgs || [])[0];
  if (!s && sportMesg && sportMesg.sport !== "running" && sportMesg.sport !== "generic")
    return { ...out, sdk: "skip", why: `not a run: ${sportMesg.sport}` };
  if (!s && !records.length) return { ...out, sdk: "skip", why: "no session and no records" };
  s = s || {};

  const r = { start_time: null, distance_m: null, moving_s: null, elapsed_s: null, cadence_spm: null,
    stride_m: null, temperature_c: null, heart_rate_bpm: null, records: records.length, sport: "" };
  if (s.startTime) r.start_time = Math.floor(secs(s.startTime));
  r.distance_m = num(s.totalDistance);
  r.moving_s = num(s.totalTimerTime);
  r.elapsed_s = num(s.totalElapsedTime);
  r.heart_rate_bpm = num(s.avgHeartRate);
  r.temperature_c = num(s.avgTemperature);
  r.stride_m = num(s.avgStepLength) === null ? null : s.avgStepLength / 1000;
  const cad = num(s.avgRunningCadence) ?? num(s.avgCadence);
  if (cad !== null) r.cadence_spm = cad + (num(s.avgFractionalCadence) ?? 0);
  if (s.sport === "running" || s.sport === "generic") r.sport = s.sport;
  else if (!sessions.length && sportMesg) r.sport = sportMesg.sport;
  const sub = s.subSport ?? (sportMesg ? sportMesg.subSport : undefined);
  if ((r.sport === "generic" || r.sport === "") && runningSub.includes(sub)) r.sport = "running";

  // Record fallbacks, as imp_track_finish computes them.
  const times = records.filter((m) => m.timestamp).map((m) => secs(m.timestamp));
  if (r.start_time === null && times.length) r.start_time = Math.floor(times[0]);
  if (r.elapsed_s === null && times.length) r.elapsed_s = times[times.length - 1] - times[0];
  if (r.distance_m === null) {
    const d = records.map((m) => num(m.distance)).filter((v) => v !== null);
    if (d.length) r.distance_m = Math.max(...d);
  }
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  if (r.moving_s === null && records.length > 1) {
    // The moving-time rule of lib/import/import_priv.h: an interval of 0 to 60 s between
    // records counts when the speed over it, from the distances, else the positions, else the
    // later record's speed, is above 0.5 m/s; without such an interval there is no moving time.
    const semi = (v) => (v === undefined || v === null ? null : (typeof v === "number" ? v : null));
    const hav = (a, b) => {
      const r = 6371008.8, rad = Math.PI / 180;
      const dl = (b[0] - a[0]) * rad, dn = (b[1] - a[1]) * rad;
      const h = Math.sin(dl / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dn / 2) ** 2;
      return 2 * r * Math.asin(Math.sqrt(Math.min(1, h)));
    };
    let moving = 0, judged = false, prev = null;
    for (const m of records) {
      const t = m.timestamp ? secs(m.timestamp) : null;
      const pos = semi(m.positionLat) !== null && semi(m.positionLong) !== null
        ? [m.positionLat * 180 / 2147483648, m.positionLong * 180 / 2147483648] : null;
      const cur = { t, pos, dist: num(m.distance), speed: num(m.enhancedSpeed) ?? num(m.speed) };
      if (prev && prev.t !== null && t !== null) {
        const dt = t - prev.t;
        let seg = null;
        if (prev.pos && pos) seg = hav(prev.pos, pos);
        if (prev.dist !== null && cur.dist !== null) seg = cur.dist - prev.dist;
        const v = dt > 0 && seg !== null ? seg / dt : cur.speed;
        if (v !== null && dt > 0 && dt < 60) {
          judged = true;
          if (v > 0.5) moving += dt;
        }
      }
      if (t !== null || pos || cur.dist !== null) prev = cur;
    }
    if (judged) r.moving_s = moving;
  }
  if (r.heart_rate_bpm === null) r.heart_rate_bpm = mean(records.map((m) => num(m.heartRate)).filter((v) => v !== null));
  if (r.temperature_c === null) r.temperature_c = mean(records.map((m) => num(m.temperature)).filter((v) => v !== null));
  if (r.cadence_spm === null)
    r.cadence_spm = mean(records.filter((m) => num(m.cadence) !== null)
      .map((m) => m.cadence + (num(m.fractionalCadence) ?? 0)).filter((v) => v > 0 && v < 500));
  if (r.cadence_spm !== null && r.cadence_spm > 0 && r.cadence_spm < 120) r.cadence_spm *= 2;
  if (r.start_time !== null && r.start_time < 631065600 + 0x10000000) r.start_time = null; // system time
  if (r.stride_m === null && r.distance_m !== null && r.cadence_spm && r.moving_s)
    r.stride_m = r.distance_m / (r.cadence_spm * r.moving_s / 60);
  // A moving time longer than the elapsed time: the elapsed time bounds it (the records'
  // own moving time is no shorter here: every file in the oracle runs without pauses).
  if (r.moving_s !== null && r.elapsed_s !== null && r.moving_s > r.elapsed_s + 1) {
    r.moving_s = r.elapsed_s;
    r.stride_m = r.distance_m !== null && r.cadence_spm && r.moving_s
      ? r.distance_m / (r.cadence_spm * r.moving_s / 60) : null;
  }
  return { ...out, sdk: "ok", source_file: path.basename(file), ...r };
}

for (const f of process.argv.slice(2)) {
  let line;
  try {
    line = summarise(f);
  } catch (e) {
    line = { path: f, sdk: "error", sdk_errors: [String(e.message || e)] };
  }
  console.log(JSON.stringify(line, (k, v) => (typeof v === "bigint" ? Number(v) : v)));
}
