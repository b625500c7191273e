// numbfoot in the browser: loads numbfoot.wasm (the library's engine, knowledge base inside; exports
// in site/wasm.h) and offers window.numbfoot. Nothing here reaches beyond this site's own files.
'use strict';

(function () {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let wasm = null; // the module's exports once loaded

  // The WASI calls the C library makes: the clock (jansson's hash seed) and writes to a standard
  // stream (a message the library never prints in practice; shown in the console if it ever is).
  const WASI_EBADF = 8;
  const view = () => new DataView(wasm.memory.buffer);
  const wasi = {
    clock_time_get(id, precision, out) {
      view().setBigUint64(out, BigInt(Date.now()) * 1000000n, true);
      return 0;
    },
    fd_write(fd, iovs, count, written) {
      const v = view();
      let text = '', total = 0;
      for (let i = 0; i < count; i++) {
        const p = v.getUint32(iovs + 8 * i, true), n = v.getUint32(iovs + 8 * i + 4, true);
        text += dec.decode(new Uint8Array(wasm.memory.buffer, p, n));
        total += n;
      }
      if (fd === 1 || fd === 2) console.warn('numbfoot.wasm: ' + text);
      v.setUint32(written, total, true);
      return fd === 1 || fd === 2 ? 0 : WASI_EBADF;
    },
    fd_close() { return WASI_EBADF; },
    fd_seek() { return WASI_EBADF; },
  };

  // A copy of a text in the module's memory, NUL-terminated; the caller frees it.
  function put(bytes) {
    const p = wasm.nf_site_alloc(bytes.length + 1);
    if (!p) throw new Error('numbfoot.wasm is out of memory');
    const m = new Uint8Array(wasm.memory.buffer, p, bytes.length + 1);
    m.set(bytes);
    m[bytes.length] = 0;
    return p;
  }

  // The JSON text the module returned at p, parsed; frees it. Throws the module's {"error"}.
  function take(p) {
    if (!p) throw new Error('numbfoot.wasm is out of memory');
    const m = new Uint8Array(wasm.memory.buffer, p);
    const text = dec.decode(m.subarray(0, m.indexOf(0)));
    wasm.nf_site_free(p);
    const o = JSON.parse(text);
    if (o && typeof o.error === 'string' && Object.keys(o).length === 1) throw new Error(o.error);
    return o;
  }

  function call(name, text) {
    if (!wasm) throw new Error('numbfoot is still loading (await numbfoot.ready)');
    const p = put(enc.encode(text));
    try { return take(wasm[name](p)); } finally { wasm.nf_site_free(p); }
  }

  // The browser inflates the gzipped knowledge base the module carries (site/wasm.c).
  async function inflate(p, n) {
    const gz = new Uint8Array(wasm.memory.buffer, p, n).slice();
    const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  async function load() {
    const imports = { wasi_snapshot_preview1: wasi };
    const r = await fetch('numbfoot.wasm');
    if (!r.ok) throw new Error('numbfoot.wasm: the site answered ' + r.status);
    // Compiled as it arrives where the host names it application/wasm; from the whole file where
    // it does not (a host that does not know .wasm).
    const { instance } = /^application\/wasm\b/.test(r.headers.get('Content-Type') || '')
      ? await WebAssembly.instantiateStreaming(r, imports)
      : await WebAssembly.instantiate(await r.arrayBuffer(), imports);
    wasm = instance.exports;
    wasm._initialize();
    performance.mark('numbfoot:compiled'); // the load's stages, for bench/site.sh
    const vocab = put(await inflate(wasm.nf_site_vocab_gz(), wasm.nf_site_vocab_gz_size()));
    const kb = put(await inflate(wasm.nf_site_kb_gz(), wasm.nf_site_kb_gz_size()));
    const err = wasm.nf_site_init(vocab, kb);
    wasm.nf_site_free(vocab);
    wasm.nf_site_free(kb);
    if (err) take(err);
    performance.mark('numbfoot:kb-loaded');
    api.questions = take(wasm.nf_site_questions());
    return api;
  }

  const api = {
    questions: null,
    // The result `numbfoot assess --answers FILE --json` gives: for a case file (an object with
    // "expected", or its text), for {mode, answers}, or for a plain map of finding IDs to answers.
    assess(answers) {
      if (typeof answers === 'string') return call('nf_site_assess', answers);
      if (answers && typeof answers === 'object' && 'expected' in answers) return call('nf_site_assess', JSON.stringify(answers));
      const wrapped = answers && typeof answers.answers === 'object' && answers.answers !== null;
      const mode = wrapped && answers.mode ? answers.mode : 'runner';
      return call('nf_site_result', JSON.stringify({ mode, answers: wrapped ? answers.answers : answers || {}, screens: 0 }));
    },
    // An interview's answers so far, {mode, answers, screens}: the next screen, or the result.
    next(request) { return call('nf_site_next', JSON.stringify(request)); },
    result(request) { return call('nf_site_result', JSON.stringify(request)); },
  };
  api.ready = load();
  window.numbfoot = api;
})();
