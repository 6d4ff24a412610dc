import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_CURVE_RULES,
  checkCurve,
  countPredikats,
  explainCurveResult,
  explainViolation,
  limitCount,
} from '../../../src/domain/distribution-curve.js';
import { EMPLOYEE_PREDIKATS, UNIT_PREDIKATS } from '../../../src/domain/rating-matrix.js';
import type { EmployeePredikat, UnitPredikat } from '../../../src/domain/rating-matrix.js';

/** A unit's proposed predikat from counts, e.g. unit({ SANGAT_BAIK: 7, BAIK: 3 }). */
function unit(counts: Partial<Record<EmployeePredikat, number>>): EmployeePredikat[] {
  return EMPLOYEE_PREDIKATS.flatMap((p) => Array<EmployeePredikat>(counts[p] ?? 0).fill(p));
}

function violatedRules(unitPredikat: UnitPredikat, predikats: EmployeePredikat[]): string[] {
  return checkCurve(unitPredikat, predikats).violations.map((v) => v.ruleId);
}

describe('kurva distribusi rules, each at its boundary in a unit of 10', () => {
  // [unit predikat, rule, passing set, failing set]; each failing set breaks only that rule.
  const cases: [UnitPredikat, string, Partial<Record<EmployeePredikat, number>>, Partial<Record<EmployeePredikat, number>>][] = [
    ['ISTIMEWA', 'istimewa.sangat-baik.majority', { SANGAT_BAIK: 6, BAIK: 4 }, { SANGAT_BAIK: 5, BAIK: 5 }],
    ['ISTIMEWA', 'istimewa.sangat-baik.max', { SANGAT_BAIK: 7, BAIK: 3 }, { SANGAT_BAIK: 8, BAIK: 2 }],
    ['BAIK', 'baik.baik.majority', { BAIK: 6, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 3 }, { BAIK: 5, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 4 }],
    ['BAIK', 'baik.baik.max', { BAIK: 7, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 2 }, { BAIK: 8, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 1 }],
    ['BAIK', 'baik.butuh-perbaikan-or-kurang.min', { BAIK: 7, KURANG: 1, SANGAT_BAIK: 2 }, { BAIK: 7, SANGAT_BAIK: 3 }],
    ['BUTUH_PERBAIKAN', 'butuh-perbaikan.butuh-perbaikan.min', { BUTUH_PERBAIKAN: 6, BAIK: 4 }, { BUTUH_PERBAIKAN: 5, BAIK: 5 }],
    ['BUTUH_PERBAIKAN', 'butuh-perbaikan.sangat-baik.max', { BUTUH_PERBAIKAN: 6, SANGAT_BAIK: 1, BAIK: 3 }, { BUTUH_PERBAIKAN: 6, SANGAT_BAIK: 2, BAIK: 2 }],
    ['KURANG', 'kurang.kurang.min', { KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 }, { KURANG: 5, BUTUH_PERBAIKAN: 1, BAIK: 4 }],
    ['KURANG', 'kurang.butuh-perbaikan.min', { KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 }, { KURANG: 6, BAIK: 4 }],
    ['KURANG', 'kurang.sangat-baik.max', { KURANG: 6, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 1, BAIK: 2 }, { KURANG: 6, BUTUH_PERBAIKAN: 1, SANGAT_BAIK: 2, BAIK: 1 }],
    ['SANGAT_KURANG', 'sangat-kurang.sangat-kurang.min', { SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 }, { SANGAT_KURANG: 5, KURANG: 1, BAIK: 4 }],
    ['SANGAT_KURANG', 'sangat-kurang.kurang-or-butuh-perbaikan.min', { SANGAT_KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 }, { SANGAT_KURANG: 6, BAIK: 4 }],
    ['SANGAT_KURANG', 'sangat-kurang.sangat-baik.max', { SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 }, { SANGAT_KURANG: 6, KURANG: 1, SANGAT_BAIK: 1, BAIK: 2 }],
  ];

  it.each(cases)('a %s unit passes %s at the limit and fails one person past it', (unitPredikat, ruleId, passing, failing) => {
    expect(unit(passing)).toHaveLength(10);
    expect(unit(failing)).toHaveLength(10);
    const ok = checkCurve(unitPredikat, unit(passing));
    expect(ok.ok).toBe(true);
    expect(ok.violations).toEqual([]);
    const bad = checkCurve(unitPredikat, unit(failing));
    expect(bad.ok).toBe(false);
    expect(bad.violations.map((v) => v.ruleId)).toEqual([ruleId]);
    expect(bad.violations[0]?.severity).toBe('violation');
  });

  it('has a case for every rule in the default table', () => {
    const tested = new Set(cases.map(([, ruleId]) => ruleId));
    const all = UNIT_PREDIKATS.flatMap((u) => DEFAULT_CURVE_RULES[u].map((r) => r.id));
    expect(new Set(all)).toEqual(tested);
  });

  it('counts either Kurang or Butuh Perbaikan towards the Sangat Kurang unit rule on them', () => {
    expect(violatedRules('SANGAT_KURANG', unit({ SANGAT_KURANG: 6, KURANG: 1, BAIK: 3 }))).toEqual([]);
    expect(violatedRules('SANGAT_KURANG', unit({ SANGAT_KURANG: 6, BUTUH_PERBAIKAN: 1, BAIK: 3 }))).toEqual([]);
  });

  it('reports every broken rule, with the allowed number, the actual number and share', () => {
    const result = checkCurve('KURANG', unit({ SANGAT_BAIK: 3, BAIK: 7 }));
    expect(result).toEqual({
      unitSize: 10,
      advisory: false,
      unsatisfiable: false,
      ok: false,
      violations: [
        { ruleId: 'kurang.kurang.min', bound: 'min', predikats: ['KURANG'], limit: { kind: 'share', share: 0.6 }, unitSize: 10, limitCount: 6, actualCount: 0, actualShare: 0, severity: 'violation' },
        { ruleId: 'kurang.butuh-perbaikan.min', bound: 'min', predikats: ['BUTUH_PERBAIKAN'], limit: { kind: 'share', share: 0.1 }, unitSize: 10, limitCount: 1, actualCount: 0, actualShare: 0, severity: 'violation' },
        { ruleId: 'kurang.sangat-baik.max', bound: 'max', predikats: ['SANGAT_BAIK'], limit: { kind: 'share', share: 0.1 }, unitSize: 10, limitCount: 1, actualCount: 3, actualShare: 0.3, severity: 'violation' },
      ],
    });
  });
});

describe('rounding of percentage bounds', () => {
  const max = (share: number, n: number) => limitCount({ bound: 'max', limit: { kind: 'share', share } }, n);
  const min = (share: number, n: number) => limitCount({ bound: 'min', limit: { kind: 'share', share } }, n);

  it('treats products that are whole numbers as whole despite floating error', () => {
    // The traps: 0.7 · 90 is 62.99999999999999 and 0.55 · 100 is 55.00000000000001 in floating point.
    expect(0.7 * 90).toBeLessThan(63);
    expect(max(0.7, 90)).toBe(63);
    expect(0.55 * 100).toBeGreaterThan(55);
    expect(min(0.55, 100)).toBe(55);
    expect(max(0.7, 10)).toBe(7);
    expect(min(0.7, 10)).toBe(7);
    expect(min(0.6, 5)).toBe(3);
    expect(min(0.1, 10)).toBe(1);
    expect(min(0.1, 30)).toBe(3);
    expect(max(0.7, 20)).toBe(14);
  });

  it.each([
    // n, "at most 70%", "at least 60%", "at most 10%", "at least 10%"
    [5, 3, 3, 0, 1],
    [7, 4, 5, 0, 1],
    [9, 6, 6, 0, 1],
    [11, 7, 7, 1, 2],
  ])('in a unit of %i: at most 70%% = %i, at least 60%% = %i, at most 10%% = %i, at least 10%% = %i', (n, max70, min60, max10, min10) => {
    expect(max(0.7, n)).toBe(max70);
    expect(min(0.6, n)).toBe(min60);
    expect(max(0.1, n)).toBe(max10);
    expect(min(0.1, n)).toBe(min10);
  });

  it('floors "at most" and ceils "at least" exactly like integer arithmetic on whole percentages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 5000 }), (percent, n) => {
        const product = percent * n;
        expect(max(percent / 100, n)).toBe((product - (product % 100)) / 100);
        expect(min(percent / 100, n)).toBe((product - (product % 100)) / 100 + (product % 100 === 0 ? 0 : 1));
      }),
    );
  });

  it('keeps count rules literal whatever the unit size', () => {
    expect(limitCount({ bound: 'min', limit: { kind: 'count', count: 1 } }, 1000)).toBe(1);
  });

  it('applies the rounding in checks: Istimewa with 5 people allows 3 Sangat Baik, not 4', () => {
    expect(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 3, BAIK: 2 })).ok).toBe(true);
    expect(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 4, BAIK: 1 })).ok).toBe(false);
  });

  it('applies the rounding in checks: Butuh Perbaikan with 7 people needs 5 Butuh Perbaikan and allows no Sangat Baik', () => {
    expect(checkCurve('BUTUH_PERBAIKAN', unit({ BUTUH_PERBAIKAN: 5, BAIK: 2 })).ok).toBe(true);
    expect(violatedRules('BUTUH_PERBAIKAN', unit({ BUTUH_PERBAIKAN: 4, BAIK: 3 }))).toEqual(['butuh-perbaikan.butuh-perbaikan.min']);
    expect(violatedRules('BUTUH_PERBAIKAN', unit({ BUTUH_PERBAIKAN: 5, SANGAT_BAIK: 1, BAIK: 1 }))).toEqual(['butuh-perbaikan.sangat-baik.max']);
  });

  it('applies the rounding in checks: Kurang with 11 people needs 7 Kurang and 2 Butuh Perbaikan', () => {
    expect(checkCurve('KURANG', unit({ KURANG: 7, BUTUH_PERBAIKAN: 2, SANGAT_BAIK: 1, BAIK: 1 })).ok).toBe(true);
    expect(violatedRules('KURANG', unit({ KURANG: 7, BUTUH_PERBAIKAN: 1, BAIK: 3 }))).toEqual(['kurang.butuh-perbaikan.min']);
  });

  it('applies the rounding in checks: Baik with 9 people allows 6 Baik', () => {
    expect(checkCurve('BAIK', unit({ BAIK: 6, KURANG: 1, SANGAT_BAIK: 2 })).ok).toBe(true);
    expect(violatedRules('BAIK', unit({ BAIK: 7, KURANG: 1, SANGAT_BAIK: 1 }))).toEqual(['baik.baik.max']);
  });
});

describe('no small-unit escape (SE MenPANRB 3/2023 has none); team previews and contradictions', () => {
  it.each([1, 2, 3, 4])('an organisation of %i gets violations, not advice', (n) => {
    const result = checkCurve('SANGAT_KURANG', Array<EmployeePredikat>(n).fill('SANGAT_BAIK'));
    expect(result.ok).toBe(false);
    expect(result.violations.length).toBeGreaterThan(0);
    expect(result.violations.every((v) => v.severity === 'violation')).toBe(true);
  });

  it('a team of 3 at Baik with everyone Baik breaks the cap and the "at least one" rule', () => {
    expect(violatedRules('BAIK', unit({ BAIK: 3 }))).toEqual(['baik.baik.max', 'baik.butuh-perbaikan-or-kurang.min']);
  });

  it("a rater's team preview only advises, and says the organisation's leader establishes", () => {
    const result = checkCurve('SANGAT_KURANG', Array<EmployeePredikat>(3).fill('SANGAT_BAIK'), DEFAULT_CURVE_RULES, { advisory: true });
    expect(result.ok).toBe(true);
    expect(result.violations.every((v) => v.severity === 'advisory')).toBe(true);
    expect(explainCurveResult(result, 'SANGAT_KURANG', 'id')).toMatch(/Ini gambaran tim Anda saja\. Kurva Distribusi berlaku untuk seluruh pegawai unit organisasi/);
  });

  it('says when a size makes the rules contradict: two people at Istimewa cannot be "most" and "at most 70%" Sangat Baik', () => {
    expect(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 1, BAIK: 1 })).unsatisfiable).toBe(true);
    expect(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 2, BAIK: 1 })).unsatisfiable).toBe(false);
    expect(explainCurveResult(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 1, BAIK: 1 })), 'ISTIMEWA', 'id')).toMatch(
      /Untuk 2 pegawai ketentuan Kurva Distribusi ini tidak dapat dipenuhi sekaligus; pimpinan menetapkannya dengan alasan tertulis/,
    );
  });

  it('reads "sebagian besar" as more than half: 5 of 10 is not most, 6 is', () => {
    expect(limitCount({ bound: 'min', limit: { kind: 'majority' } }, 10)).toBe(6);
    expect(limitCount({ bound: 'min', limit: { kind: 'majority' } }, 9)).toBe(5);
    const [v] = checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 5, BAIK: 5 })).violations;
    expect(v && explainViolation(v, 'id')).toBe('Sangat Baik harus sebagian besar (lebih dari separuh) dari 10 pegawai = paling sedikit 6 orang; diusulkan 5 orang (50%).');
  });

  it('finds nothing to check in an empty unit', () => {
    expect(checkCurve('BAIK', [])).toEqual({ unitSize: 0, advisory: false, unsatisfiable: false, ok: true, violations: [] });
  });
});

describe('rules as data', () => {
  it('checks against a rule table the caller supplies', () => {
    const rules = { ...DEFAULT_CURVE_RULES, ISTIMEWA: [{ id: 'x', bound: 'max', predikats: ['SANGAT_BAIK'], limit: { kind: 'share', share: 0.5 } }] } as const;
    expect(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 6, BAIK: 4 }), rules).violations.map((v) => v.ruleId)).toEqual(['x']);
    expect(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 6, BAIK: 4 })).ok).toBe(true);
  });
});

describe('kurva distribusi properties', () => {
  const predikat = fc.constantFrom<EmployeePredikat>(...EMPLOYEE_PREDIKATS);
  const unitPredikat = fc.constantFrom<UnitPredikat>(...UNIT_PREDIKATS);
  const proposal = fc.array(predikat, { minLength: 1, maxLength: 60 });

  /** DOMAIN.md's table in integer arithmetic, written without the rule table or limitCount. */
  function withinCurve(u: UnitPredikat, ps: EmployeePredikat[]): boolean {
    const c = countPredikats(ps);
    const n = ps.length;
    switch (u) {
      case 'ISTIMEWA':
        return 2 * c.SANGAT_BAIK > n && 10 * c.SANGAT_BAIK <= 7 * n;
      case 'BAIK':
        return 2 * c.BAIK > n && 10 * c.BAIK <= 7 * n && c.BUTUH_PERBAIKAN + c.KURANG >= 1;
      case 'BUTUH_PERBAIKAN':
        return 10 * c.BUTUH_PERBAIKAN >= 6 * n && 10 * c.SANGAT_BAIK <= n;
      case 'KURANG':
        return 10 * c.KURANG >= 6 * n && 10 * c.BUTUH_PERBAIKAN >= n && 10 * c.SANGAT_BAIK <= n;
      case 'SANGAT_KURANG':
        return 10 * c.SANGAT_KURANG >= 6 * n && 10 * (c.KURANG + c.BUTUH_PERBAIKAN) >= n && c.SANGAT_BAIK === 0;
    }
  }

  it('finds no violations exactly when the counts are within bounds computed independently', () => {
    fc.assert(
      fc.property(unitPredikat, proposal, (u, ps) => {
        expect(checkCurve(u, ps).violations.length === 0).toBe(withinCurve(u, ps));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same result for any order of the same proposal', () => {
    fc.assert(
      fc.property(unitPredikat, proposal.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))), (u, [ps, shuffled]) => {
        expect(checkCurve(u, shuffled)).toEqual(checkCurve(u, ps));
      }),
    );
  });

  it('is ok exactly when there is no violation, whatever the size; a team preview is always ok', () => {
    fc.assert(
      fc.property(unitPredikat, proposal, (u, ps) => {
        const result = checkCurve(u, ps);
        expect(result.ok).toBe(result.violations.length === 0);
        expect(result.violations.every((v) => v.severity === 'violation')).toBe(true);
        expect(checkCurve(u, ps, DEFAULT_CURVE_RULES, { advisory: true }).ok).toBe(true);
      }),
    );
  });

  it('reports the true number and share of people each violation counts', () => {
    fc.assert(
      fc.property(unitPredikat, proposal, (u, ps) => {
        for (const v of checkCurve(u, ps).violations) {
          const actual = ps.filter((p) => v.predikats.includes(p)).length;
          expect(v.actualCount).toBe(actual);
          expect(v.actualShare).toBeCloseTo(actual / ps.length, 12);
          expect(v.bound === 'max' ? actual > v.limitCount : actual < v.limitCount).toBe(true);
        }
      }),
    );
  });
});

describe('explanations', () => {
  it('explains a broken maximum in Indonesian, with the arithmetic', () => {
    const [v] = checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 8, BAIK: 2 })).violations;
    expect(v && explainViolation(v, 'id')).toBe('Sangat Baik paling banyak 70% dari 10 pegawai = 7 orang; diusulkan 8 orang (80%).');
    expect(v && explainViolation(v, 'en')).toBe(
      'Very Good (Sangat Baik): at most 70% of 10 employees = 7 people; proposed 8 people (80%).',
    );
  });

  it('explains a broken minimum share', () => {
    const [v] = checkCurve('BUTUH_PERBAIKAN', unit({ BUTUH_PERBAIKAN: 5, BAIK: 5 })).violations;
    expect(v && explainViolation(v, 'id')).toBe('Butuh Perbaikan paling sedikit 60% dari 10 pegawai = 6 orang; diusulkan 5 orang (50%).');
  });

  it('explains a broken minimum count, naming both predikat', () => {
    const [v] = checkCurve('BAIK', unit({ BAIK: 7, SANGAT_BAIK: 3 })).violations;
    expect(v && explainViolation(v, 'id')).toBe('Butuh Perbaikan atau Kurang paling sedikit 1 orang; diusulkan 0 orang (0%).');
  });

  it('explains that Sangat Baik may not be given at all in a Sangat Kurang unit', () => {
    const result = checkCurve('SANGAT_KURANG', unit({ SANGAT_KURANG: 6, KURANG: 1, SANGAT_BAIK: 1, BAIK: 2 }));
    const [v] = result.violations;
    expect(v && explainViolation(v, 'id')).toBe('Sangat Baik tidak boleh diberikan di unit ini; diusulkan 1 orang (10%).');
  });

  it('summarises a result with a header, the outcome and one line per violation', () => {
    const text = explainCurveResult(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 8, BAIK: 2 })), 'ISTIMEWA', 'id');
    expect(text.split('\n')).toEqual([
      'Kurva Distribusi untuk unit dengan Predikat Kinerja Istimewa (10 pegawai):',
      'Usulan predikat belum sesuai dengan Kurva Distribusi (1 ketentuan):',
      '• Sangat Baik paling banyak 70% dari 10 pegawai = 7 orang; diusulkan 8 orang (80%).',
    ]);
  });

  it('says when a proposal fits the curve', () => {
    const text = explainCurveResult(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 7, BAIK: 3 })), 'ISTIMEWA', 'en');
    expect(text).toContain('The proposed ratings fit the distribution curve.');
  });

  it('explains a team preview as advice, with the organisation deciding', () => {
    const text = explainCurveResult(checkCurve('ISTIMEWA', unit({ SANGAT_BAIK: 3 }), DEFAULT_CURVE_RULES, { advisory: true }), 'ISTIMEWA', 'id');
    expect(text).toContain('catatan berikut hanya saran');
    expect(text).toContain('ditetapkan oleh pimpinannya');
  });

  it('says there is nothing to check for an empty unit', () => {
    expect(explainCurveResult(checkCurve('BAIK', []), 'BAIK', 'id')).toContain('Belum ada predikat pegawai yang diusulkan.');
  });
});
