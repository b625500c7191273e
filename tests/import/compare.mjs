// Compares numbfoot's import (tests/import/dump output) with Garmin's SDK (oracle.mjs output) and,
// for synthetic runs, with the writer's .truth.json. Prints one line per check, exits 1 if any
// check failed. Usage: node compare.mjs DUMP.jsonl ORACLE.jsonl [SYNTHDIR NAME...]
import * as fs from "fs";
import * as path from "path";

const NF_OK = 0, NF_EPARSE = 3, NF_ESKIP = 9;
const lines = (f) => fs.readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const ours = new Map(lines(process.argv[2]).map((r) => [path.basename(r.path), r]));
const sdk = lines(process.argv[3]);
let failed = 0, passed = 0;
const ok = (msg) => { passed++; console.log(`ok   ${msg}`); };
const bad = (msg) => { failed++; console.log(`FAIL ${msg}`); };

// Tolerances: what the two sides may differ by through rounding alone.
const near = (a, b, abs, rel = 0) =>
  (a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= abs + rel * Math.abs(b));
const FIELDS = [["start_time", 0], ["distance_m", 0.005], ["moving_s", 0.0005], ["elapsed_s", 0.0005],
  ["cadence_spm", 1e-6], ["stride_m", 1e-6], ["temperature_c", 1e-6], ["heart_rate_bpm", 1e-6], ["records", 0]];

for (const s of sdk) {
  const name = path.basename(s.path), o = ours.get(name);
  if (!o) { bad(`${name}: not in numbfoot's output`); continue; }
  if (s.sdk === "ok") {
    // Under 10 m the journal takes no run (run add refuses it too): the SDK's decoding is not in
    // question, so numbfoot's refusal with that reason agrees with it.
    if (o.rc === NF_EPARSE && s.distance_m !== null && s.distance_m < 10 && /too short to be a run/.test(o.error)) {
      ok(`${name}: SDK reads ${s.distance_m} m, numbfoot refuses a run under 10 m (${o.error})`);
      continue;
    }
    if (o.rc !== NF_OK) { bad(`${name}: SDK reads a run, numbfoot says rc ${o.rc}: ${o.error}`); continue; }
    const diffs = FIELDS.filter(([k, tol]) => !near(o[k], s[k], tol)).map(([k]) => `${k} ${o[k]} vs SDK ${s[k]}`);
    if (o.sport !== s.sport) diffs.push(`sport "${o.sport}" vs SDK "${s.sport}"`);
    diffs.length ? bad(`${name}: ${diffs.join("; ")}`) : ok(`${name}: same run as Garmin's SDK (${s.records} records)`);
  } else if (s.sdk === "skip") {
    o.rc === NF_ESKIP ? ok(`${name}: skipped by both (${s.why})`) : bad(`${name}: SDK: ${s.why}; numbfoot rc ${o.rc}`);
  } else if ((s.sdk_errors || []).some((e) => /compressed timestamp messages are not currently supported/.test(e))) {
    // The JavaScript SDK cannot decode compressed timestamp headers; the unit tests check these
    // files against python-fitparse's CSVs instead.
    o.rc === NF_OK || o.rc === NF_EPARSE || o.rc === NF_ESKIP
      ? ok(`${name}: SDK cannot decode compressed timestamps; numbfoot rc ${o.rc}`) : bad(`${name}: rc ${o.rc}`);
  } else {
    o.rc === NF_EPARSE ? ok(`${name}: refused by both (SDK: ${s.sdk_errors.join(", ") || "bad CRC"}; numbfoot: ${o.error})`)
      : bad(`${name}: SDK refuses it (${(s.sdk_errors || []).join(", ")}), numbfoot rc ${o.rc}`);
  }
}

// Synthetic runs: every format against the writer's truth.
const [synthdir, ...names] = process.argv.slice(4);
for (const n of names) {
  const truth = JSON.parse(fs.readFileSync(`${synthdir}/${n}.truth.json`, "utf8"));
  const t0 = Date.parse(truth.start_time) / 1000;
  for (const ext of ["fit", "gpx", "tcx"]) {
    const o = ours.get(`${n}.${ext}`);
    if (!o || o.rc !== NF_OK) { bad(`${n}.${ext}: rc ${o && o.rc} ${o && o.error}`); continue; }
    const diffs = [];
    if (o.start_time !== t0) diffs.push(`start_time ${o.start_time} vs ${t0}`);
    if (o.records !== truth.records) diffs.push(`records ${o.records} vs ${truth.records}`);
    if (!near(o.elapsed_s, truth.duration_s, 0)) diffs.push(`elapsed ${o.elapsed_s} vs ${truth.duration_s}`);
    if (!near(o.moving_s, truth.duration_s, 0.01)) diffs.push(`moving ${o.moving_s} vs ${truth.duration_s}`);
    // FIT and TCX carry the distance (to 1 cm); GPX's comes from haversine over 7-decimal points.
    if (!near(o.distance_m, truth.distance_m, 0.02, ext === "gpx" ? 0.005 : 0)) diffs.push(`distance ${o.distance_m} vs ${truth.distance_m}`);
    // The FIT session stores floor(average / 2) strides; GPX and TCX floor each point's strides.
    if (!near(o.cadence_spm, truth.avg_cadence_spm_fit, 2)) diffs.push(`cadence ${o.cadence_spm} vs ${truth.avg_cadence_spm_fit}`);
    if (ext !== "tcx" && !near(o.temperature_c, truth.avg_temperature_c, 1e-6)) diffs.push(`temperature ${o.temperature_c} vs ${truth.avg_temperature_c}`);
    if (o.sport !== "running") diffs.push(`sport "${o.sport}"`);
    diffs.length ? bad(`${n}.${ext}: ${diffs.join("; ")}`) : ok(`${n}.${ext}: matches the writer's truth`);
  }
}
console.log(`import oracle: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
