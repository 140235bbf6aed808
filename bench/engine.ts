/**
 * Benchmark of the compliance engine (`npm run bench`): a deterministic synthetic national
 * data set (seeded PRNG) at two sizes — 2,000 cadres / 40,000 trips and 50,000 cadres /
 * 1,000,000 trips (25× the data, same mix) — timing evaluateOrg + year(current) over the
 * whole set. Both sizes are warmed up, then measured in interleaved rounds (5 small runs and
 * 1 large run each) so that they meet the same machine load; medians are compared.
 * Target: 1,000,000 trips under 2 s. The ratio of the two medians is printed for information:
 * the former target "25× the data in ≤ 30× the time" is retired (issue 8) — the engine is
 * linear, and the excess at 1,000,000 trips is the processor's caches (a trivial pass over the
 * same data scales 52–59×).
 * `--working`: the working-day policy variant; `--trips`: also time every trip's evaluation.
 */
import { performance } from 'node:perf_hooks';
import { defaultPolicy } from '../shared/defaults';
import { dayToIso, isoToDay } from '../shared/dates';
import { evaluateOrg } from '../shared/engine/evaluate';
import type { Absence, Cadre, EngineInput, Policy, Registration, Trip, Unit } from '../shared/models';

const YEAR = 2025;
const AS_OF = '2025-10-15';

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['Văn phòng', 'Ban Tổ chức', 'Ban Tuyên giáo', 'Ban Phong trào', 'Ban Thanh niên trường học', 'Ban Công nhân', 'Ban Kiểm tra', 'Ban Mặt trận', 'Ủy ban Kiểm tra', 'Hội Liên hiệp Thanh niên', 'Hội đồng Đội', 'Ban Quốc tế'];
const CATEGORIES = ['khao_sat', 'nghien_cuu', 'phoi_hop', 'kiem_tra', 'sinh_hoat', 'dai_hoi', 'khac'];

/** A national data set: `cadres` cadres with ~20 trips each. */
export function syntheticData(cadreCount: number, seed: number, dayMode: Policy['dayMode']): EngineInput {
  const rnd = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const yearFirst = isoToDay(`${YEAR}-01-01`);
  const unitCount = Math.max(100, Math.floor(cadreCount / 2));
  const units: Unit[] = [];
  for (let u = 0; u < unitCount; u++) {
    const merged = rnd() < 0.1;
    units.push({
      unitCode: `U${String(u).padStart(6, '0')}`,
      name: `Xã Số ${u}`,
      kind: 'xa',
      ...(merged ? { validTo: '2025-06-30', mergedInto: `U${String(int(0, unitCount - 1)).padStart(6, '0')}` } : {}),
    });
  }
  const cadres: Cadre[] = [];
  const absences: Absence[] = [];
  const registrations: Registration[] = [];
  const trips: Trip[] = [];
  let tripSeq = 0;
  for (let c = 0; c < cadreCount; c++) {
    const cadreId = `CB${String(c).padStart(6, '0')}`;
    const partYear = rnd() < 0.1;
    const cadre: Cadre = {
      cadreId,
      fullName: `Nguyễn Văn ${c}`,
      department: DEPARTMENTS[int(0, DEPARTMENTS.length - 1)],
      position: 'Chuyên viên',
      subject: rnd() < 0.92,
    };
    if (partYear) {
      if (rnd() < 0.5) cadre.serviceStart = dayToIso(yearFirst + int(30, 250));
      else cadre.serviceEnd = dayToIso(yearFirst + int(100, 330));
    }
    cadres.push(cadre);
    if (rnd() < 0.06) {
      const from = yearFirst + int(0, 300);
      absences.push({
        id: `A${c}`,
        cadreId,
        from: dayToIso(from),
        ...(rnd() < 0.8 ? { to: dayToIso(from + int(14, 180)) } : {}),
        reason: (['study', 'maternity', 'sick', 'other'] as const)[int(0, 3)],
      });
    }
    if (rnd() < 0.7) {
      registrations.push({ cadreId, year: YEAR, q1Days: 15, q2Days: 15, q3Days: 15, q4Days: 15, approved: rnd() < 0.5 });
    }
    const tripCount = int(15, 25);
    for (let k = 0; k < tripCount; k++) {
      // spread over 08/12 of the previous year to 20/01 of the next, so some cross New Year
      const start = yearFirst - 24 + int(0, 365 + 40);
      const length = rnd() < 0.1 ? int(6, 12) : int(1, 5);
      const end = start + length - 1;
      const declared = rnd() < 0.15 ? Math.max(0.5, length - (rnd() < 0.5 ? 0.5 : 1)) : undefined;
      const contents = [CATEGORIES[int(0, 6)]];
      if (rnd() < 0.2) contents.push(CATEGORIES[int(0, 6)] === contents[0] ? 'khac' : CATEGORIES[int(0, 5)]);
      const unitIndex = int(0, unitCount - 1);
      const r = rnd();
      // stored trips hold the matched unit's code; a few names (older rows) and free text
      const unit = r < 0.94 ? units[unitIndex].unitCode : r < 0.95 ? units[unitIndex].name.toUpperCase() : `Trường THPT số ${unitIndex}`;
      const reported = rnd() < 0.85;
      const trip: Trip = {
        id: `T${String(tripSeq++).padStart(8, '0')}`,
        cadreId,
        unit,
        startDate: dayToIso(start),
        endDate: dayToIso(end),
        contents: [...new Set(contents)],
        orderNo: `${int(1, 400)}/CL-TĐTN`,
        cost: int(0, 20) * 100_000,
      };
      if (declared !== undefined && dayMode === 'calendar') trip.days = declared;
      if (reported) trip.reportDate = dayToIso(end + int(0, 15));
      trips.push(trip);
    }
  }
  const policies: Record<number, Policy> = { [YEAR]: { ...defaultPolicy(YEAR), dayMode, windowStart: `${YEAR}-03-01` } };
  // shuffle the trips (any order in, as a store returns them)
  for (let i = trips.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [trips[i], trips[j]] = [trips[j], trips[i]];
  }
  const data: EngineInput = { cadres, absences, units, registrations, trips, asOf: AS_OF, policies };
  // as the API gets them: parsed from JSON (flat strings, plain objects)
  return JSON.parse(JSON.stringify(data)) as EngineInput;
}

/** evaluateOrg + year(current) over the whole set; the checksum touches every row. */
function runOnce(data: EngineInput): { ms: number; checksum: number } {
  const t0 = performance.now();
  const ev = evaluateOrg(data);
  const year = ev.year(YEAR);
  const ms = performance.now() - t0;
  let checksum = 0;
  for (const r of year.cadres) checksum += r.countedDays;
  return { ms, checksum };
}

/** evaluateOrg + year(current) + every trip's own evaluation (derived values and warnings). */
function runWithTrips(data: EngineInput): number {
  const t0 = performance.now();
  const ev = evaluateOrg(data);
  ev.year(YEAR);
  let warnings = 0;
  for (const t of data.trips) warnings += ev.trips.get(t.id)!.warnings.length;
  const ms = performance.now() - t0;
  if (warnings < 0) throw new Error('unreachable');
  return ms;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Series {
  readonly label: string;
  readonly data: EngineInput;
  readonly times: number[];
  checksum: number;
}

function report(s: Series): number {
  const ms = median(s.times);
  const min = Math.min(...s.times);
  const mean = s.times.reduce((a, b) => a + b, 0) / s.times.length;
  console.log(
    `${s.label}: ${s.data.cadres.length.toLocaleString('en')} cadres, ${s.data.trips.length.toLocaleString('en')} trips — ` +
      `median ${ms.toFixed(1)} ms of ${s.times.length} runs (min ${min.toFixed(1)}, mean ${mean.toFixed(1)}), ` +
      `${((ms * 1e6) / s.data.trips.length).toFixed(0)} ns/trip, counted days total ${s.checksum}`,
  );
  console.log(`  runs: ${s.times.map((t) => t.toFixed(0)).join(' ')}`);
  return ms;
}

function main(): void {
  const mode: Policy['dayMode'] = process.argv.includes('--working') ? 'working' : 'calendar';
  const rounds = 7;
  const smallPerRound = 5;
  console.log(`Engine benchmark, dayMode ${mode}, asOf ${AS_OF}, Node ${process.version}`);
  const small: Series = { label: 'small', data: syntheticData(2_000, 1, mode), times: [], checksum: 0 };
  const large: Series = { label: 'large', data: syntheticData(50_000, 1, mode), times: [], checksum: 0 };
  // warm-up: until the compiler has settled on both sizes
  for (let i = 0; i < 3; i++) {
    for (let k = 0; k < 5; k++) runOnce(small.data);
    if (i < 2) runOnce(large.data);
  }
  // interleaved rounds, so that both sizes meet the same machine load (others' processes)
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < smallPerRound; k++) {
      const run = runOnce(small.data);
      small.times.push(run.ms);
      small.checksum = run.checksum;
    }
    const run = runOnce(large.data);
    large.times.push(run.ms);
    large.checksum = run.checksum;
  }
  const smallMs = report(small);
  const largeMs = report(large);
  const ratio = largeMs / smallMs;
  const underTwo = largeMs < 2000;
  console.log(`ratio large/small (medians): ${ratio.toFixed(1)}× for 25× the data (information only: no longer a target)`);
  console.log(`target 1,000,000 trips < 2 s: ${underTwo ? 'met' : 'NOT met'} (${(largeMs / 1000).toFixed(2)} s)`);
  if (process.argv.includes('--trips')) {
    // not part of the targets: every trip's own evaluation too (built on demand per cadre)
    for (const s of [small, large]) {
      runWithTrips(s.data);
      const times = [runWithTrips(s.data), runWithTrips(s.data), runWithTrips(s.data)];
      console.log(`${s.label} with every trip's evaluation: median ${median(times).toFixed(0)} ms of 3 runs`);
    }
  }
  if (!underTwo) process.exitCode = 1;
}

if (require.main === module) main();
