/**
 * What a target search (src/target) shows and writes: the answer and runners-up tables printed by
 * `graduasi target` and shown in notebooks, and the files of its run folder — candidates.csv (every
 * mix evaluated: its levels, indicator, share of replicates meeting the target, cost and extra cost),
 * paths.csv (the indicator each month for the legislated policy and the answer or closest mix),
 * manifest.json (no clock time, no worker count: the same command gives the same bytes) and a
 * self-contained report.html, the answer first.
 */
import { targetCandidates, targetPath, mixText, levelWords } from '../charts/target';
import { groupLabel } from '../charts/labels';
import { indicatorLabel, scaleFor, unitOf } from '../charts/units';
import { provenance } from '../run/provenance';
import { csvField, sha256 } from '../run/results';
import { runnersUp, SPEND_INDICATORS, type TargetCandidate, type TargetSearch } from '../target/index';
import { levelText } from '../target/levers';
import { escapeHtml, reportPage, tableHtml } from './html';
import { formatBand, type Table } from './table';
import { decimal, fill, monthLabel, NUMBER_LOCALE, type Lang } from '../lang/index';

/** Rupiah in the tables: trillions. */
const TRILLION = 1e-12;

/** The indicator's scale in the tables (a share in percent). */
function valueScale(search: TargetSearch, lang: Lang) {
  return scaleFor(unitOf(search.target.indicator), Math.max(...search.candidates.map((c) => Math.abs(c.value.p95))), lang);
}

/** The columns every candidate table shares, their units and period said. */
function columns(search: TargetSearch, lang: Lang): string[] {
  const t = TEXT[lang];
  const { by } = search.target;
  const scale = valueScale(search, lang);
  const period = { start: monthLabel(search.start, lang), month: monthLabel(by, lang) };
  return [
    fill(t.valueColumn, { month: monthLabel(by, lang), unit: scale.words }),
    t.meetingColumn,
    fill(t.costColumn, period),
    fill(t.extraColumn, period),
  ];
}

function cells(search: TargetSearch, c: TargetCandidate, lang: Lang): string[] {
  const scale = valueScale(search, lang);
  return [
    formatBand(c.value, scale.factor, 2, lang),
    `${Math.round(c.shareMeeting * 100)} %`,
    formatBand(c.cost, TRILLION, 1, lang),
    formatBand(c.extraCost, TRILLION, 1, lang, true),
  ];
}

/** The answer (or the closest mix, when none meets the target) beside the policy as legislated. */
export function answerTable(search: TargetSearch, lang: Lang): Table {
  const t = TEXT[lang];
  const shown = search.answer ?? search.closest;
  const rows = [[t.legislated, mixText(search, search.candidates[0].mix, lang), ...cells(search, search.candidates[0], lang)]];
  if (shown !== search.candidates[0]) rows.push([search.answer ? t.answer : t.closest, mixText(search, shown.mix, lang), ...cells(search, shown, lang)]);
  return { columns: [t.policy, t.levers, ...columns(search, lang)], rows };
}

/** The runners-up: other mixes that meet the target, cheapest first, then the closest that do not. */
export function runnersUpTable(search: TargetSearch, lang: Lang, closest = 5): Table {
  const t = TEXT[lang];
  const { meeting, near } = runnersUp(search, closest);
  const row = (c: TargetCandidate, status: string) => [mixText(search, c.mix, lang), status, String(c.round), ...cells(search, c, lang)];
  return { columns: [t.levers, t.status, t.round, ...columns(search, lang)], rows: [...meeting.map((c) => row(c, t.meets)), ...near.map((c) => row(c, t.misses))] };
}

/** The levers: what each moves and its levels. */
export function leversTable(search: Pick<TargetSearch, 'levers'>, lang: Lang): Table {
  const t = TEXT[lang];
  return {
    columns: [t.lever, t.parameters, t.levelsColumn],
    rows: search.levers.map((l) => [l.label[lang], l.parameters.join(', '), l.levels.map((_, k) => levelText(l, k + 1, '')).join(', ')]),
  };
}

/** candidates.csv: one line per mix evaluated, in order (the first the legislated one). Rupiah and the indicator in their own units. */
export function candidatesCsv(search: TargetSearch): string {
  const header = ['round', ...search.levers.map((l) => `level_${l.id}`), 'meets', 'answer', 'value_mean', 'value_p05', 'value_p95', 'share_meeting', 'cost_mean', 'cost_p05', 'cost_p95', 'extra_cost_mean', 'extra_cost_p05', 'extra_cost_p95'];
  const lines = search.candidates.map((c) => [c.round, ...c.mix, c.meets, c === search.answer, c.value.mean, c.value.p05, c.value.p95, c.shareMeeting, c.cost.mean, c.cost.p05, c.cost.p95, c.extraCost.mean, c.extraCost.p05, c.extraCost.p95].join(','));
  return `${[header.map(csvField).join(','), ...lines].join('\n')}\n`;
}

/** paths.csv: the indicator each month, mean and band, for the legislated policy and the answer (or the closest mix). */
export function pathsCsv(search: TargetSearch): string {
  const named: Array<[string, TargetCandidate]> = [['legislated', search.candidates[0]]];
  if (search.answer) named.push(['answer', search.answer]);
  else if (search.closest !== search.candidates[0]) named.push(['closest', search.closest]);
  const lines = named.flatMap(([name, c]) => c.path.map((p) => [name, p.month, p.mean, p.p05, p.p95].join(',')));
  return `mix,month,mean,p05,p95\n${lines.join('\n')}\n`;
}

/** The manifest of a target run folder: the question, the levers, the settings, the answer; no clock time and no worker count. */
export function targetManifest(search: TargetSearch, command: readonly string[] | null, files: Readonly<Record<string, string>>) {
  const { data, ...code } = provenance();
  return {
    ...code,
    command,
    target: {
      ...search.target,
      start: search.start,
      method: 'greedy: climb by fall per extra rupiah, then trim (src/target/search.ts)',
      cost: `sum of ${SPEND_INDICATORS.join(', ')} (national, Rp per month) from ${search.start} to ${search.target.by}`,
      seed: search.run.seed,
      replicates: search.run.replicates,
      agents: search.run.households,
      rounds: search.run.rounds,
      runs: search.run.runs,
      stop: search.stop,
      legislated: search.legislated,
      levers: search.levers,
      answer: search.answer ? { mix: search.answer.mix, value: search.answer.value, cost: search.answer.cost, extraCost: search.answer.extraCost, shareMeeting: search.answer.shareMeeting } : null,
      closest: { mix: search.closest.mix, value: search.closest.value, extraCost: search.closest.extraCost },
    },
    data,
    files: Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.csv')).map(([name, text]) => [name, { rows: text.split('\n').length - 2, sha256: sha256(text) }])),
  };
}

/** Every file of the run folder, report.html in `lang`, manifest.json last. */
export function targetFiles(search: TargetSearch, lang: Lang, command: readonly string[] | null = null): Record<string, string> {
  const files: Record<string, string> = { 'candidates.csv': candidatesCsv(search), 'paths.csv': pathsCsv(search) };
  const manifest = targetManifest(search, command, files);
  files['report.html'] = targetHtml(search, manifest, lang);
  files['manifest.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  return files;
}

/** The answer in a sentence (or that none meets the target, and the closest). */
export function answerSentence(search: TargetSearch, lang: Lang): string {
  const t = TEXT[lang];
  const { by, group } = search.target;
  const scale = valueScale(search, lang);
  const c = search.answer ?? search.closest;
  const values = {
    indicator: indicatorLabel(search.target.indicator, lang),
    group: groupLabel(group, lang),
    month: monthLabel(by, lang),
    level: levelWords(search, lang),
    mix: mixText(search, c.mix, lang),
    value: formatBand(c.value, scale.factor, 2, lang),
    unit: scale.words,
    extra: formatBand(c.extraCost, TRILLION, 1, lang, true),
    share: Math.round(c.shareMeeting * 100),
    n: search.run.replicates,
    start: monthLabel(search.start, lang),
  };
  if (search.answer) return fill(search.answer === search.candidates[0] ? t.alreadyMet : t.answerSentence, values);
  return fill(t.noAnswer, values);
}

/** report.html of a target search: the answer, the candidates chart, the path, the runners-up, the levers, how it works. */
export function targetHtml(search: TargetSearch, manifest: ReturnType<typeof targetManifest>, lang: Lang): string {
  const t = TEXT[lang];
  const locale = NUMBER_LOCALE[lang];
  const { indicator, group, by } = search.target;
  const title = fill(t.title, { indicator: indicatorLabel(indicator, lang), level: levelWords(search, lang), month: monthLabel(by, lang) });
  const settings = fill(t.settings, {
    group: groupLabel(group, lang),
    agents: search.run.households.toLocaleString(locale),
    n: search.run.replicates,
    seed: String(search.run.seed),
    runs: search.run.runs.toLocaleString(locale),
    rounds: search.run.rounds,
    levers: search.levers.length,
  });
  const stop = t.stops[search.stop];
  const period = { start: monthLabel(search.start, lang), month: monthLabel(by, lang) };
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(settings)}</p>
<h2>${escapeHtml(t.answerHeading)}</h2>
<p class="answer">${escapeHtml(answerSentence(search, lang))}</p>
<div class="wide">${tableHtml(answerTable(search, lang))}</div>
<p class="note">${escapeHtml(fill(t.costNote, { ...period, spend: SPEND_INDICATORS.join(', ') }))} ${escapeHtml(fill(t.uncertaintyNote, { n: search.run.replicates }))}</p>
<h2>${escapeHtml(t.candidatesHeading)}</h2>
<figure id="chart-0" class="chart"></figure>
<h2>${escapeHtml(t.pathHeading)}</h2>
<figure id="chart-1" class="chart"></figure>
<h2>${escapeHtml(t.runnersUpHeading)}</h2>
<p class="note">${escapeHtml(t.runnersUpNote)}</p>
<div class="wide">${tableHtml(runnersUpTable(search, lang))}</div>
<h2>${escapeHtml(t.howHeading)}</h2>
<p class="note">${escapeHtml(t.how)} ${escapeHtml(stop)}</p>
<div class="wide">${tableHtml(leversTable(search, lang))}</div>
`;
  return reportPage({
    lang,
    title,
    body,
    charts: [targetCandidates(search, { lang }), targetPath(search, { lang })],
    howMade: t.howMade,
    provenance: `Graduasi ${manifest.version}, commit ${manifest.commit}, Node ${manifest.node}. ${t.provenance}`,
    commit: manifest.commit,
    style: `  th[scope="row"], thead th:first-child, td:nth-child(2) { text-align: left; }
  td { white-space: normal; }
  .answer { font-size: 1.1em; max-width: 60rem; }
  .note { max-width: 60rem; }`,
  });
}


/** The words of the tables and the report, in English and Bahasa Indonesia. `{name}` marks a place filled by `fill`. */
export const TEXT = {
  en: {
    title: 'What does it take? {indicator} below {level} by {month}',
    settings: '{group}. {levers} levers, {rounds} rounds, {runs} model runs: {agents} agents, {n} replicate(s) per mix — the same population samples and random draws for every mix (common random numbers) — seed {seed}.',
    answerHeading: 'The answer',
    answerSentence: 'The cheapest mix found that brings {indicator} ({group}) below {level} by {month}: {mix}. At {month} it gives {value} {unit} (mean [5th – 95th percentile] over {n} replicate(s)); {share} % of replicates are below the level. It spends Rp {extra} trillion more than the policy as legislated from {start} to {month}.',
    alreadyMet: 'The policy as legislated already brings {indicator} ({group}) below {level} by {month}: {value} {unit} (mean [5th – 95th percentile] over {n} replicate(s)); {share} % of replicates are below the level.',
    noAnswer: 'No mix within the levers\' levels brings {indicator} ({group}) below {level} by {month}. The closest: {mix}, with {value} {unit} at {month} (mean [5th – 95th percentile] over {n} replicate(s)), Rp {extra} trillion more than the policy as legislated from {start} to {month}.',
    policy: 'Policy',
    legislated: 'As legislated',
    answer: 'Answer',
    closest: 'Closest (none meets the target)',
    levers: 'Levers moved',
    valueColumn: 'At {month} ({unit}) [5–95 %]',
    meetingColumn: 'Replicates below the level',
    costColumn: 'Programme and service spending, {start} – {month} (Rp trillion) [5–95 %]',
    extraColumn: 'Extra against as legislated, {start} – {month} (Rp trillion) [5–95 %]',
    costNote: 'Spending: the sum of the model\'s monthly spending of every programme and service ({spend}), national, from {start} to {month}, both included; extra: that less the legislated policy\'s, replicate by replicate. Costs the model does not spend are not in it: facilitators\' pay, registry surveys and updates (the levers on facilitators and the registry cost only what they change in the programmes\' and services\' spending).',
    uncertaintyNote: 'Bands: the 5th and 95th percentiles over {n} replicate(s); they show the population sample and the model\'s draws, not the uncertainty of the behaviour parameters. The search reads the means.',
    candidatesHeading: 'Every mix evaluated',
    pathHeading: 'The path to the target',
    runnersUpHeading: 'Runners-up',
    runnersUpNote: 'Other mixes evaluated that meet the target, cheapest first; then the five that come closest without meeting it. Round: the search round that evaluated the mix.',
    status: 'Target',
    round: 'Round',
    meets: 'met',
    misses: 'not met',
    howHeading: 'How the search works',
    how: 'Greedy, in two moves. Climb: from the policy as legislated (the committed calibration, what graduasi run runs by default), each round runs one level up of every lever (together, on the job pool) and takes the step with the largest fall of the indicator per extra rupiah; a step that lowers it at no extra cost comes first. It stops when the mean over replicates is below the level, when no lever has a level left, or when no step lowers the indicator. Trim: from a mix that meets the target, each round runs one level down of every lever moved and takes the cheapest that still meets it. The answer is the cheapest mix evaluated that meets the target. It is a rule of thumb, not a proof: mixes the search did not evaluate may be cheaper. A lever\'s level multiplies every dated value of its parameters (counts rounded) or sets them to a value, from the start of the run.',
    stops: {
      met: 'This search stopped when the target was met.',
      'levels-exhausted': 'This search stopped with every lever at its highest level, the target not met.',
      'no-fall': 'This search stopped when no further step lowered the indicator, the target not met.',
    },
    lever: 'Lever',
    parameters: 'Parameters moved together',
    levelsColumn: 'Levels (× legislated, or = value)',
    howMade: 'How these results were made',
    provenance: 'Settings, the levers, the answer, data hashes and CSV hashes are in manifest.json beside this report; every mix evaluated is in candidates.csv, the paths in paths.csv.',
  },
  id: {
    title: 'Apa yang dibutuhkan? {indicator} di bawah {level} pada {month}',
    settings: '{group}. {levers} tuas, {rounds} putaran, {runs} simulasi model: {agents} agen, {n} replikasi per kombinasi — sampel populasi dan bilangan acak yang sama untuk setiap kombinasi (common random numbers) — seed {seed}.',
    answerHeading: 'Jawabannya',
    answerSentence: 'Kombinasi termurah yang ditemukan untuk menurunkan {indicator} ({group}) di bawah {level} pada {month}: {mix}. Pada {month} hasilnya {value} {unit} (rata-rata [persentil ke-5 – ke-95] dari {n} replikasi); {share} % replikasi berada di bawah target. Belanjanya Rp {extra} triliun lebih besar daripada kebijakan yang berlaku dari {start} sampai {month}.',
    alreadyMet: 'Kebijakan yang berlaku sudah menurunkan {indicator} ({group}) di bawah {level} pada {month}: {value} {unit} (rata-rata [persentil ke-5 – ke-95] dari {n} replikasi); {share} % replikasi berada di bawah target.',
    noAnswer: 'Tidak ada kombinasi dalam tingkat-tingkat tuas yang menurunkan {indicator} ({group}) di bawah {level} pada {month}. Yang terdekat: {mix}, dengan {value} {unit} pada {month} (rata-rata [persentil ke-5 – ke-95] dari {n} replikasi), Rp {extra} triliun lebih besar daripada kebijakan yang berlaku dari {start} sampai {month}.',
    policy: 'Kebijakan',
    legislated: 'Seperti berlaku',
    answer: 'Jawaban',
    closest: 'Terdekat (tidak ada yang memenuhi target)',
    levers: 'Tuas yang digeser',
    valueColumn: 'Pada {month} ({unit}) [5–95 %]',
    meetingColumn: 'Replikasi di bawah target',
    costColumn: 'Belanja program dan layanan, {start} – {month} (Rp triliun) [5–95 %]',
    extraColumn: 'Tambahan terhadap yang berlaku, {start} – {month} (Rp triliun) [5–95 %]',
    costNote: 'Belanja: jumlah belanja bulanan model untuk setiap program dan layanan ({spend}), nasional, dari {start} sampai {month}; tambahan: belanja itu dikurangi belanja kebijakan yang berlaku, replikasi demi replikasi. Biaya yang tidak dibelanjakan model tidak termasuk: honor pendamping, survei dan pemutakhiran DTKS (tuas pendamping dan DTKS hanya berbiaya sebesar perubahan belanja program dan layanan yang ditimbulkannya).',
    uncertaintyNote: 'Rentang: persentil ke-5 dan ke-95 dari {n} replikasi; rentang ini menunjukkan sampel populasi dan bilangan acak model, bukan ketidakpastian parameter perilaku. Pencarian membaca rata-ratanya.',
    candidatesHeading: 'Setiap kombinasi yang dievaluasi',
    pathHeading: 'Jalan menuju target',
    runnersUpHeading: 'Kombinasi lain',
    runnersUpNote: 'Kombinasi lain yang dievaluasi dan memenuhi target, termurah lebih dulu; lalu lima yang paling dekat tanpa memenuhinya. Putaran: putaran pencarian yang mengevaluasi kombinasi itu.',
    status: 'Target',
    round: 'Putaran',
    meets: 'tercapai',
    misses: 'tidak tercapai',
    howHeading: 'Cara kerja pencarian',
    how: 'Serakah (greedy), dalam dua gerak. Naik: dari kebijakan yang berlaku (kalibrasi yang disimpan, yang dijalankan graduasi run secara bawaan), setiap putaran menjalankan satu tingkat lebih tinggi dari setiap tuas (bersamaan, di kumpulan pekerja) dan mengambil langkah dengan penurunan indikator terbesar per rupiah tambahan; langkah yang menurunkannya tanpa tambahan biaya didahulukan. Berhenti ketika rata-rata replikasi di bawah target, ketika tidak ada tuas yang masih punya tingkat, atau ketika tidak ada langkah yang menurunkan indikator. Pangkas: dari kombinasi yang memenuhi target, setiap putaran menjalankan satu tingkat lebih rendah dari setiap tuas yang digeser dan mengambil yang termurah yang masih memenuhinya. Jawabannya adalah kombinasi termurah yang dievaluasi dan memenuhi target. Ini aturan praktis, bukan bukti: kombinasi yang tidak dievaluasi bisa lebih murah. Tingkat sebuah tuas mengalikan setiap nilai bertanggal parameternya (jumlah dibulatkan) atau menetapkannya ke suatu nilai, sejak awal simulasi.',
    stops: {
      met: 'Pencarian ini berhenti ketika target tercapai.',
      'levels-exhausted': 'Pencarian ini berhenti dengan setiap tuas pada tingkat tertingginya, target tidak tercapai.',
      'no-fall': 'Pencarian ini berhenti ketika tidak ada langkah lagi yang menurunkan indikator, target tidak tercapai.',
    },
    lever: 'Tuas',
    parameters: 'Parameter yang digeser bersama',
    levelsColumn: 'Tingkat (× yang berlaku, atau = nilai)',
    howMade: 'Cara hasil ini dibuat',
    provenance: 'Pengaturan, tuas, jawaban, hash data dan hash CSV ada di manifest.json di samping laporan ini; setiap kombinasi yang dievaluasi ada di candidates.csv, jalurnya di paths.csv.',
  },
} as const;
