/**
 * Benchmark of the compliance engine (`npm run bench`): a deterministic synthetic national
 * data set (seeded PRNG) at two sizes — 2,000 cadres / 40,000 trips and 50,000 cadres /
 * 1,000,000 trips (25× the data, same mix) — timing evaluateOrg + year(current).
 * Targets: 1,000,000 trips under 2 s; 25× the data in at most 30× the time.
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

function runOnce(data: EngineInput): { ms: number; checksum: number } {
  const t0 = performance.now();
  const ev = evaluateOrg(data);
  const year = ev.year(YEAR);
  const ms = performance.now() - t0;
  const checksum = year.cadres.reduce((s, r) => s + r.countedDays, 0);
  return { ms, checksum };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function measure(label: string, data: EngineInput, runs: number): number {
  runOnce(data); // warm-up
  const times: number[] = [];
  let checksum = 0;
  for (let i = 0; i < runs; i++) {
    const r = runOnce(data);
    times.push(r.ms);
    checksum = r.checksum;
  }
  const ms = median(times);
  console.log(
    `${label}: ${data.cadres.length.toLocaleString('en')} cadres, ${data.trips.length.toLocaleString('en')} trips — ` +
      `median ${ms.toFixed(0)} ms of ${runs} runs [${times.map((t) => t.toFixed(0)).join(', ')}], ` +
      `${((ms * 1e6) / data.trips.length).toFixed(0)} ns/trip, counted days total ${checksum}`,
  );
  return ms;
}

function main(): void {
  const mode: Policy['dayMode'] = process.argv.includes('--working') ? 'working' : 'calendar';
  console.log(`Engine benchmark, dayMode ${mode}, asOf ${AS_OF}, Node ${process.version}`);
  const small = measure('small', syntheticData(2_000, 1, mode), 7);
  const largeData = syntheticData(50_000, 1, mode);
  const large = measure('large', largeData, 5);
  const ratio = large / small;
  const underTwo = large < 2000;
  const scales = ratio <= 30;
  console.log(`ratio large/small: ${ratio.toFixed(1)}× for 25× the data`);
  console.log(`target 1,000,000 trips < 2 s: ${underTwo ? 'met' : 'NOT met'} (${(large / 1000).toFixed(2)} s)`);
  console.log(`target 25× data in ≤ 30× time: ${scales ? 'met' : 'NOT met'} (${ratio.toFixed(1)}×)`);
  if (!underTwo || !scales) process.exitCode = 1;
}

if (require.main === module) main();
