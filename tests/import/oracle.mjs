// Decodes FIT files with Garmin's own SDK (@garmin/fitsdk) and prints, one JSON line per file,
// the run record numbfoot's importer should produce, by the same rules (see lib/import/fit.c):
// the first running (else generic or sportless) session gives the totals, the records fill what
// the session lacks, cadence is doubled from strides to steps per minute.
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
  if (!out.integrity || errors.length) return { ...out, sdk: "error" };

  const fileIds = messages.fileIdMesgs || [];
  if (fileIds.length && !fileIds.some((m) => m.type === "activity")) return { ...out, sdk: "skip", why: "not an activity" };
  const sessions = messages.sessionMesgs || [];
  const records = messages.recordMesgs || [];
  let s = sessions.find((m) => m.sport === "running") ||
    sessions.find((m) => m.sport === undefined || m.sport === "generic");
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
  if (cad !== null) r.cadence_spm = 2 * (cad + (num(s.avgFractionalCadence) ?? 0));
  if (s.sport === "running" || s.sport === "generic") r.sport = s.sport;
  else if (!sessions.length && sportMesg && sportMesg.sport === "running") r.sport = "running";

  // Record fallbacks, as imp_track_finish computes them.
  const times = records.filter((m) => m.timestamp).map((m) => secs(m.timestamp));
  if (r.start_time === null && times.length) r.start_time = Math.floor(times[0]);
  if (r.elapsed_s === null && times.length) r.elapsed_s = times[times.length - 1] - times[0];
  if (r.distance_m === null) {
    const d = records.map((m) => num(m.distance)).filter((v) => v !== null);
    if (d.length) r.distance_m = Math.max(...d);
  }
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  if (r.heart_rate_bpm === null) r.heart_rate_bpm = mean(records.map((m) => num(m.heartRate)).filter((v) => v !== null));
  if (r.temperature_c === null) r.temperature_c = mean(records.map((m) => num(m.temperature)).filter((v) => v !== null));
  if (r.cadence_spm === null)
    r.cadence_spm = mean(records.filter((m) => num(m.cadence) !== null)
      .map((m) => 2 * (m.cadence + (num(m.fractionalCadence) ?? 0))).filter((v) => v > 0));
  if (r.start_time !== null && r.start_time < 631065600 + 0x10000000) r.start_time = null; // system time
  if (r.stride_m === null && r.distance_m !== null && r.cadence_spm && r.moving_s)
    r.stride_m = r.distance_m / (r.cadence_spm * r.moving_s / 60);
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
