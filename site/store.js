// Saved results on this device: IndexedDB, in this browser's storage for this site alone. Nothing
// leaves the device except as a file the runner exports.
'use strict';

(function () {
  const DB = 'numbfoot', STORE = 'assessments';
  let opened = null;

  function open() {
    if (!opened) {
      opened = new Promise((resolve, reject) => {
        const rq = indexedDB.open(DB, 1);
        rq.onupgradeneeded = () => rq.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
        rq.onsuccess = () => resolve(rq.result);
        rq.onerror = () => reject(rq.error);
        rq.onblocked = () => reject(new Error('the saved results are open in an older copy of this page: close it'));
      });
      opened.catch(() => { opened = null; });
    }
    return opened;
  }

  // One request in its own transaction; resolves with the request's result once committed.
  async function run(mode, fn) {
    const db = await open();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const rq = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(rq.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('the browser refused to save'));
    });
  }

  // The file `numbfoot import` reads into the journal (cli/import_assessment.c): the answers,
  // how many screens were asked, whether the interview ran to its end, and the result shown.
  const KIND = 'numbfoot.assessment';
  function exported(rec) {
    return {
      kind: KIND, format: 1, time: rec.time, complete: rec.complete, mode: rec.mode,
      questions: rec.questions, answers: rec.answers, result: rec.result,
    };
  }

  window.numbfootStore = {
    KIND,
    // rec: {time (ISO 8601 UTC, whole seconds), complete, mode, questions, answers, result}; the id.
    save(rec) { return run('readwrite', (s) => s.add(rec)); },
    // Every saved result, newest first.
    async list() { return (await run('readonly', (s) => s.getAll())).reverse(); },
    get(id) { return run('readonly', (s) => s.get(id)); },
    remove(id) { return run('readwrite', (s) => s.delete(id)); },
    exported,
    fileName(rec) { return 'numbfoot-assessment-' + rec.time.replace(/:/g, '').replace(/Z$/, '') + '.json'; },
  };
})();
