// Decodes one FIT file with Garmin's SDK and prints "RECORDS MILLISECONDS", the time spent in
// the decoder alone (node's start-up excluded): the peer that bench/import.sh times numbfoot's
// FIT reader against. Usage: node sdk-decode.mjs FILE.fit
import { Decoder, Stream } from "@garmin/fitsdk";
import * as fs from "fs";

const t0 = performance.now();
const dec = new Decoder(Stream.fromBuffer(fs.readFileSync(process.argv[2])));
if (!dec.checkIntegrity()) { console.error("integrity check failed"); process.exit(1); }
const { messages, errors } = dec.read();
if (errors.length) { console.error(errors.map((e) => e.message).join("\n")); process.exit(1); }
console.log(`${(messages.recordMesgs || []).length} ${(performance.now() - t0).toFixed(1)}`);
