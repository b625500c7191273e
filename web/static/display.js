// numbfoot: the result of an assessment on screen, and the helpers that write it, shared by the
// page of numbfoot serve (app.js, journal.js) and the static site (site/site.js), so that the two
// say the same things in the same words. A plain script: both pages allow scripts from their own
// origin only, the served page gets it as /display.js and the site within numbfoot.js. It holds
// no state; each page gives it the knowledge base's findings and the runner's units.
'use strict';

window.numbfootDisplay = (function () {
  const $ = (id) => document.getElementById(id);
  // The one definition of the pages' scripts; NF_KM_PER_MILE in include/numbfoot/run.h is the
  // program's, and tests/cli/test_km_per_mile.sh ties them.
  const KM_PER_MILE = 1.609344;
  const LEVEL_TITLE = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine', self_care: 'Self-care' };

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v === null || v === undefined) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  }

  // A number as a person types it, "12.5" or "12,5" (a decimal comma), with an optional sign; null
  // when s is empty, NaN when it is anything else. The fields are text, not type=number, because
  // a number field reads "12,5" as 125 in an English browser and gives the page no way to tell;
  // "1,500" is NaN too, for it could be either.
  function decimal(s) {
    s = String(s).trim();
    if (s === '') return null;
    if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s) || /^[+-]?\d{1,3},\d{3}$/.test(s)) return NaN;
    return Number(s.replace(',', '.'));
  }

  function pct(p) {
    if (p > 0.99) return '>99%';
    if (p < 0.01) return '<1%';
    return Math.round(p * 100) + '%';
  }

  // A saved result's cause in a few words, for the lists of saved results: the ranking's first,
  // or, when the result showed no ranking, "Not ranked" with the cause its first step spoke for
  // (a sciatica at 26% named for a compartment syndrome's emergency would mislead a doctor reading
  // the list later). The program's 'numbfoot assessment list' says the same.
  function leading(r) {
    if (!r) return '-';
    if (r.triage && r.triage.ranked === false) {
      const cond = r.first_step && r.first_step.condition;
      const plan = (r.plan || [])[0];
      if (cond && plan && plan.condition === cond) return 'Not ranked (first step: ' + plan.name + ')';
      return r.first_step && r.first_step.finding ? 'Not ranked (first step: a warning sign)' : 'Not ranked';
    }
    const top = (r.ranking || [])[0];
    return top ? top.name + ' (' + pct(top.probability) + ')' : '-';
  }

  // An answer in words; f is the finding (undefined when the knowledge base does not know it),
  // miles whether distances are shown in miles.
  function answerWords(f, v, miles) {
    if (!f) return String(v);
    if (v === null) return "don't know";
    if (f.type === 'bool') return v ? 'yes' : 'no';
    const means = (x) => { const m = f.values.find((y) => y.id === x); return m ? m.means : x; };
    if (f.type === 'enum') return means(v);
    if (f.type === 'set') return v.length ? v.map(means).join(', ') : 'none of the listed places';
    if (f.distance && miles) return (v / KM_PER_MILE).toPrecision(3) + ' mi';
    // One of a plural unit is singular ("1 minute"), as nf_kb_number_text says it.
    const unit = v === 1 && f.unit && f.unit.length > 1 && f.unit.endsWith('s') ? f.unit.slice(0, -1) : f.unit;
    return v + (unit ? ' ' + unit : '');
  }

  // The emergency banner above every screen: shown for an emergency triage, whether a warning
  // sign or a rule on the answers set it, else hidden. It says the engine's own words for the level
  // (triage.words: the result's headline, which /api/assess/next gives during the interview too),
  // so the page never says less than the result and the terminal ("Do not drive yourself.").
  // Under it, the reason: an emergency sign's own words, or, when a rule on the answers set the
  // emergency (triage.rule), those answers (byId: the findings by ID, to name them; answers: the
  // answers given). A less urgent sign's words ("Be seen within 48 hours; ...") are not repeated
  // under an emergency: they would say two timings at once.
  function banner(triage, byId, answers, miles) {
    const b = $('banner');
    b.replaceChildren();
    // A warning sign below emergency answered yes is said at once, as the terminal says it, not
    // only in the result: a runner who stops early should already know to be seen within 48 hours.
    const flag = triage && triage.red_flag;
    if (triage && triage.level === 'urgent' && flag && flag.level === 'urgent' && flag.says) {
      b.hidden = false;
      b.className = 'banner urgent';
      b.append('Warning sign noted');
      b.append(el('span', { class: 'says', id: 'banner-why', text: flag.says + ' The next questions ask what would make it more urgent.' }));
      return;
    }
    b.hidden = !(triage && triage.level === 'emergency');
    if (b.hidden) return;
    b.className = 'banner emergency';
    b.append(triage.words || 'Stop running and get emergency care now.');
    if (flag && flag.says && flag.level === 'emergency') b.append(el('span', { class: 'says', text: flag.says }));
    else if (triage.rule && triage.rule.length) {
      const said = triage.rule.map((id) => {
        const f = byId && byId[id];
        const a = answers && Object.prototype.hasOwnProperty.call(answers, id) ? ': ' + answerWords(f, answers[id], miles) : '';
        return (f ? f.means : id) + a;
      });
      b.append(el('span', { class: 'says', id: 'banner-why', text: 'Why: your answers (' + said.join('; ') + ') call for emergency care.' }));
    }
  }

  // The factor as the terminal and the report write it (nf_factor_text): the times the odds moved,
  // one decimal below 10, whole from 10.
  function factor(weight) {
    const times = Math.min(Math.exp(Math.abs(weight)), 999999);
    return '\u00d7' + (times >= 9.95 ? times.toFixed(0) : times.toFixed(1));
  }

  // One cause of the ranking: its name and chance, a bar, its summary and the answers that moved
  // it most. Judgement and data apart: a reason whose likelihood is an estimate, or is worked out
  // from studies' figures rather than read from one, says so.
  // Without percent (a warning sign or a rule for every cause set the level) a cause is named in its
  // place with its reasons, without a bar: see r-causes-help.
  function cause(c, opt, noPercent) {
    let bar = null;
    if (!noPercent) {
      const fill = el('span', {});
      fill.style.width = Math.max(0.5, c.probability * 100).toFixed(1) + '%';
      bar = el('div', { class: 'bar', role: 'img', 'aria-label': c.name + ': ' + pct(c.probability) }, fill);
    }
    const reasons = el('ul', { class: 'reasons' });
    for (const why of c.reasons.slice(0, 3)) {
      const f = opt.byId[why.finding];
      const mark = why.evidence === 'estimate' || why.evidence === 'derived' ? why.evidence : null;
      reasons.append(el('li', {
        class: mark,
        text: (why.weight >= 0 ? 'raised by ' : 'lowered by ') + (f ? f.means : why.finding) + ': ' +
          answerWords(f, why.answer, opt.miles) + ' (' + factor(why.weight) + (mark ? ', ' + mark : '') + ')' +
          (opt.derived && opt.derived[why.finding] ? ', from your journal' : ''),
      }));
    }
    return el('li', {},
      el('div', { class: 'cause-head' }, el('span', { text: c.name }), noPercent ? null : el('span', { text: pct(c.probability) })),
      bar,
      el('p', { class: 'help', text: c.summary }),
      c.form ? el('p', { class: 'help', text: 'Most like: ' + c.form.name }) : null,
      reasons.childElementCount ? reasons : null);
  }

  // The first step leads when it is an action (whom to see and how soon, or go now); a self-care
  // first step is already the first of its plan. Each plan ends with its safety net.
  function plan(r, noPercent) {
    const out = [];
    const first = r.first_step;
    if (first && first.kind === 'action') out.push(el('p', { class: 'first-step' }, el('strong', { text: 'First: ' }), first.step));
    for (const p of r.plan) {
      if (!p.steps.length) continue;
      const ol = el('ol', { class: 'plan-steps' });
      for (const s of p.steps) {
        ol.append(el('li', {
          class: s.kind === 'safety_net' ? 'safety-net' : null,
          // The engine's words for the weeks (s.when: "now" once they have passed since the onset);
          // a result saved before it gave them has only the weeks.
          text: s.step + (typeof s.when === 'string' ? (s.when ? ' ' + s.when : '')
            : s.weeks ? (s.kind === 'referral' ? ' (after ' : ' (try for ') + s.weeks + ' week' +
            (s.weeks === 1 ? '' : 's') + ')' : ''),
        }));
      }
      out.push(el('h3', { text: 'If it is ' + p.name + (noPercent ? '' : ' (' + pct(p.probability) + ')') }), ol);
    }
    return out;
  }

  // Fills the result screen's parts both pages have (the banner, r-triage, r-causes, r-evidence,
  // r-plan, r-see, r-disclaimer) from an assessment's result r. opt: byId, the findings by ID;
  // miles; derived, the answers taken from the journal (optional); see(id), whom an ID names.
  function result(r, opt) {
    const t = r.triage;
    banner(t.level === 'emergency' ? t : null, opt.byId, r.answers, opt.miles);
    const box = $('r-triage');
    box.className = 'triage ' + t.level;
    box.replaceChildren(el('strong', { text: LEVEL_TITLE[t.level] || t.level }), t.words);
    // A sign's own words give its own timing; when other answers raised the level, the library's
    // words for it (nf_engine_sign_overtaken) say what it is without that timing.
    if (t.red_flag && t.red_flag.says) {
      box.append(el('div', { class: 'says', text: t.red_flag.level === t.level ? 'Warning sign: ' + t.red_flag.says
        : t.red_flag.overtaken || '' }));
    }
    // What the sign can mean, in the library's words (nf_engine_sign_means), so that a footwear
    // cause leading the ranking under it is not read as the answer to the sign.
    if (t.red_flag && t.red_flag.means) box.append(el('div', { class: 'says', id: 'r-points-to', text: t.red_flag.means }));
    // A level the causes' chance sets is explained by that chance and the causes that carry it, in
    // the engine's words (triage.chance_words, nf_engine_chance_words), after the rule's answers
    // when a rule for a cause set it.
    const chance = t.chance_words || '';
    // A level an escalation rule sets is explained by the answers it asks for (nf_engine_level_rule):
    // the causes it raises do not need the level in themselves.
    if (t.rule && t.rule.length) {
      box.append(el('div', { class: 'says', id: 'r-rule', text: 'Why: your answers (' +
        t.rule.map((id) => { const f = opt.byId[id]; return (f ? f.means : id) + ': ' + answerWords(f, (r.answers || {})[id], opt.miles); }).join('; ') +
        ') call for this level' + (t.rule_every_cause ? ' whatever the cause.' : chance ? '; with them, ' + chance + '.' : '.') }));
    } else if (chance) {
      box.append(el('div', { class: 'says', id: 'r-chance', text: 'Why: ' + chance + '.' }));
    }
    // The emergency warning signs not answered yes or no (not reached, or "Don't know"): the level
    // cannot speak for them, so they are named, as the terminal names them.
    // In clinician mode the reader is the clinician: the signs are the runner's, as the terminal says.
    const clin = r.mode === 'clinician';
    // Under an emergency the urgent signs' "be seen within 48 hours" would be a less urgent
    // timing beside "now": they are left out.
    for (const [level, id, act] of [['emergency', 'r-open-signs', clin ? 'the runner needs emergency care now' : 'get emergency care now'],
      ['urgent', 'r-open-signs-urgent', clin ? 'the runner needs to be seen within 48 hours' : 'be seen within 48 hours']]) {
      if (level === 'urgent' && t.level === 'emergency') continue;
      const open = (t.open_signs || []).filter((s) => s.level === level);
      if (open.length) {
        box.append(el('div', { class: 'says', id,
          text: 'Not asked, or not sure: if any of these apply, ' + act + ': ' +
            open.map((s) => s.means + (s.with && s.with.length ? ' (together with ' + andList(s.with.map((w) => w.means)) + (clin ? ', as answered)' : ', as you answered)') : s.with_answers ? (clin ? ' (together with the other answers)' : ' (together with your other answers)') : s.today ? ' (be seen today)' : '')).join('; ') + '.' }));
      }
    }
    // Without percentages when the engine says so (triage.percentages): under a warning sign or a
    // rule for every cause that set the level. A result saved before it said so is read as the
    // engine then decided.
    const signFirst = !!(t.red_flag && t.red_flag.level === t.level);
    const noPercent = typeof t.percentages === 'boolean' ? !t.percentages
      : signFirst || !!(t.rule_every_cause && t.rule && t.rule.length);
    // Too few answers beside the warning sign to rank them (triage.ranked, nf_engine_ranked): no list.
    const unranked = t.ranked === false;
    const causesHelp = $('r-causes-help');
    if (causesHelp) {
      causesHelp.textContent = unranked
        ? (t.unranked_words || 'Not ranked: the questions that tell the causes apart come after the warning sign, which is acted on first.')
        : !noPercent
          ? 'How likely each is, given your answers, and the answers that moved it most.'
          : signFirst
            ? 'Of the numbness on runs, likeliest first, with no percentages: the warning sign above comes first, and it may have a cause of its own.'
            : 'Of the numbness on runs, likeliest first, with no percentages: the advice above follows from your answers, whichever of these is the cause.';
    }
    $('r-causes').replaceChildren(...(unranked ? [] : r.ranking.slice(0, 5).map((c) => cause(c, opt, noPercent))));
    $('r-evidence').hidden = !$('r-causes').querySelector('li.estimate, li.derived');
    // In clinician mode the reader is the clinician, and the plan is what to tell the runner.
    const planTitle = $('r-plan-title');
    if (planTitle) planTitle.textContent = r.mode === 'clinician' ? 'What to advise the runner' : 'What to do';
    $('r-plan').replaceChildren(...plan(r, noPercent));
    $('r-see').replaceChildren(...r.see.map((w) => el('li', { text: opt.see(w) })));
    $('r-disclaimer').textContent = r.disclaimer;
  }

  // The answer fields of a screen that asks one finding f, started at its earlier answer prev: yes
  // and no, the choices, or a number (a distance with its km or miles, shown in miles when miles is
  // true; onUnit(miles) hears a change of unit).
  function single(f, prev, miles, onUnit) {
    if (f.type === 'number') {
      const inMiles = f.distance && miles;
      const shown = typeof prev === 'number' ? (inMiles ? +(prev / KM_PER_MILE).toFixed(1) : prev) : '';
      const unit = f.distance ? (inMiles ? 'mi' : 'km') : f.unit;
      const row = el('div', { class: 'number-row' },
        el('label', { for: 'num-' + f.id, text: 'Your answer' + (unit ? ' (' + unit + ')' : '') }),
        el('input', { type: 'text', id: 'num-' + f.id, name: f.id, inputmode: 'decimal', autocomplete: 'off', value: shown }));
      if (f.distance) {
        const sel = el('select', { id: 'unit-' + f.id, 'aria-label': 'Unit' },
          el('option', { value: 'km', text: 'km', selected: !miles }),
          el('option', { value: 'mi', text: 'miles', selected: miles }));
        sel.addEventListener('change', () => onUnit(sel.value === 'mi'));
        row.append(sel);
      }
      return row;
    }
    const choices = f.type === 'bool' ? [{ id: 'yes', means: 'Yes' }, { id: 'no', means: 'No' }] : f.values;
    const on = (v) => f.type === 'bool' ? prev === (v === 'yes') : f.type === 'set' ? Array.isArray(prev) && prev.includes(v) : prev === v;
    const legend = { bool: 'Your answer', enum: 'Choose one', set: 'Tick all that apply' }[f.type];
    const set = el('fieldset', {}, el('legend', { text: legend }));
    for (const v of choices) {
      set.append(el('label', { class: 'choice' },
        el('input', { type: f.type === 'set' ? 'checkbox' : 'radio', name: f.id, value: v.id, checked: on(v.id) }), v.means));
    }
    return set;
  }

  // A screen of findings ticked or not, started at their earlier answers prev; with none, the
  // warning signs' "None of these", which a ticked sign excludes and which excludes them (nothing
  // ticked is no answer there, so that a hurried Next cannot pass them).
  function ticks(fs, prev, none) {
    const set = el('fieldset', {}, el('legend', { class: 'sr', text: 'Tick those that apply' }));
    for (const f of fs) {
      set.append(el('label', { class: 'choice' },
        el('input', { type: 'checkbox', name: f.id, value: 'yes', checked: prev[f.id] === true }),
        el('span', {}, f.question, el('span', { class: 'sub', text: f.help }))));
    }
    if (!none) return set;
    const box = el('input', { type: 'checkbox', id: 'q-none', name: 'none-of-these', value: 'none',
      checked: fs.every((f) => prev[f.id] === false) });
    set.append(el('label', { class: 'choice none' }, box, el('span', { text: 'None of these' })));
    set.addEventListener('change', (ev) => {
      if (!ev.target.checked) return;
      for (const i of set.querySelectorAll('input[type=checkbox]')) if ((i === box) !== (ev.target === box)) i.checked = false;
    });
    return set;
  }

  // "a", "a and b", "a, b and c", as the terminal joins them.
  function andList(xs) {
    return xs.length < 2 ? xs.join('') : xs.slice(0, -1).join(', ') + ' and ' + xs[xs.length - 1];
  }

  // The answer to number finding f as typed in text (in miles when miles and f is a distance), in
  // the knowledge base's unit; throws an Error whose message asks again. The range is the knowledge
  // base's (the engine and the API refuse the same): past it is a slip, not an answer.
  function numberAnswer(f, text, miles) {
    // A distance may carry its unit as runners type it ("5k", "800 m", "3 mi"), as the terminal
    // takes it; the typed unit wins over the unit chosen beside the field.
    let per = f.distance && miles ? KM_PER_MILE : 1;
    const typed = f.distance ? /^(.*\d)\s*(k|km|m|mi|miles?)$/i.exec(String(text).trim()) : null;
    if (typed) {
      const u = typed[2].toLowerCase();
      per = u === 'm' ? 0.001 : u.startsWith('mi') ? KM_PER_MILE : 1;
      text = typed[1];
    }
    const x = decimal(text);
    if (x === null || !isFinite(x) || x < 0) {
      throw new Error(f.distance ? 'Type a distance (0 or more, such as 5, 5k or 3 mi), or "Don\'t know".'
        : 'Type a number (0 or more, such as 12.5), or "Don\'t know".');
    }
    const mi = f.distance && miles;
    const v = x * per;
    const [lo, hi] = f.range || [0, Infinity];
    if (v < lo || v > hi) {
      const shown = (km) => String(mi ? Math.round(km / KM_PER_MILE) : km);
      const unit = f.distance ? (miles ? 'miles' : 'km') : f.unit;
      throw new Error('Type a number from ' + shown(lo) + ' to ' + shown(hi) + (unit ? ' ' + unit : '') + ', or "Don\'t know".');
    }
    return v;
  }

  // An age under CHILD_AGE is in range (case files hold children) but most often a slip when a
  // runner types their own ("1" for 41), and it would weigh every cause by a child's age: the words
  // that ask it again, unless it is the age said back last time (said); '' to take it.
  const CHILD_AGE = 12;
  function ageAgain(f, v, said) {
    if (f.id !== 'age' || v >= CHILD_AGE || v === said) return '';
    return 'An age of ' + v + (v === 1 ? ' year' : ' years') + '? numbfoot\'s figures come from teenagers and adults; ' +
      'numb feet in a child are for a doctor to see. Choose Next again to keep it, or type the right age.';
  }

  // A checklist of findings each Yes, No or Don't know, so that ticking one says nothing of the
  // others: each starts at its earlier answer in prev, else at "Don't know"; "No to the rest"
  // answers no to every item still there. Returns the list and its "No to the rest" line.
  function triList(fs, prev) {
    const CHOICES = [['yes', 'Yes'], ['no', 'No'], ['unknown', 'Don\'t know']];
    const list = el('div', { class: 'tri-list' });
    for (const f of fs) {
      const was = prev[f.id];
      const chosen = was === true ? 'yes' : was === false ? 'no' : 'unknown';
      const help = f.help ? el('p', { class: 'sub', id: 'help-' + f.id, text: f.help }) : null;
      list.append(el('fieldset', { class: 'tri', 'aria-describedby': help ? 'help-' + f.id : null },
        el('legend', { text: f.question }), help,
        el('div', { class: 'seg' }, ...CHOICES.map(([v, t]) => el('label', {},
          el('input', { type: 'radio', name: f.id, value: v, checked: chosen === v }), el('span', { text: t }))))));
    }
    const rest = el('button', { type: 'button', class: 'link', id: 'q-rest-no', text: 'No to the rest' });
    rest.addEventListener('click', () => {
      for (const f of fs) {
        const unknown = list.querySelector('input[name="' + f.id + '"][value=unknown]');
        if (unknown.checked) list.querySelector('input[name="' + f.id + '"][value=no]').checked = true;
      }
    });
    return [list, el('p', { class: 'rest' }, rest)];
  }

  // "Don't know" on a warning-sign screen q asks each sign in turn, as the terminal's "?" does, so
  // that doubt about one sign leaves only that one open: the screen's fields become a triList of
  // its signs, started at their earlier answers prev (findings by ID in byId).
  function askEachSign(q, byId, prev) {
    $('q-fields').replaceChildren(...triList(q.findings.map((id) => byId[id]), prev));
    $('q-help').textContent = 'Not sure? For each warning sign, choose Yes, No or Don\'t know: a sign left unsure is named in the result.';
  }

  // The page's "Don't know" on the screen state.question (state: question, byId, remembered,
  // eachSign): on a warning-sign screen not yet turned, each sign in turn (askEachSign), and null;
  // else the screen's answers, every finding unknown.
  function dontKnow(state) {
    const q = state.question;
    if (q.checklist && q.red_flags && !state.eachSign) {
      askEachSign(q, state.byId, state.remembered);
      state.eachSign = true;
      return null;
    }
    return Object.fromEntries(q.findings.map((id) => [id, null]));
  }

  // The answers of a triList by finding: true, false, or null for "Don't know".
  function readTri(form, ids) {
    const out = {};
    for (const id of ids) {
      const c = form.querySelector('input[name="' + id + '"]:checked');
      out[id] = !c || c.value === 'unknown' ? null : c.value === 'yes';
    }
    return out;
  }

  return { KM_PER_MILE, LEVEL_TITLE, el, decimal, numberAnswer, ageAgain, pct, leading, answerWords, banner, result, single, ticks, triList, readTri, dontKnow };
})();
