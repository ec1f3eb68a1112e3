import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  churnCost,
  churnCostExamples,
  compareLifetimeValues,
  formatPounds,
  lifetimeValue,
  lifetimeValueExamples,
} from '../../src/domain/lifetime-value.ts';

describe('lifetimeValue', () => {
  it('gives £100 for £10 × 10 orders × 1 year (deck 002)', () => {
    expect(lifetimeValue({ orderValue: 10, ordersPerYear: 10, years: 1 })).toBe(100);
  });

  it('gives £1,331 when all three factors grow by 10 % to 11 (deck 002)', () => {
    expect(lifetimeValue({ orderValue: 11, ordersPerYear: 11, years: 11 })).toBe(1331);
  });

  it('gives £208,000 for £100 a week at the supermarket for 40 years (deck 002)', () => {
    expect(lifetimeValue({ orderValue: 100, ordersPerYear: 52, years: 40 })).toBe(208000);
  });

  it('reproduces every deck example the calculator offers', () => {
    for (const example of lifetimeValueExamples) {
      expect(lifetimeValue(example.input), example.id).toBe(example.deckValue);
    }
  });

  it('rejects negative and non-finite factors', () => {
    expect(() => lifetimeValue({ orderValue: -1, ordersPerYear: 10, years: 1 })).toThrow(RangeError);
    expect(() => lifetimeValue({ orderValue: 10, ordersPerYear: Number.NaN, years: 1 })).toThrow(RangeError);
    expect(() => lifetimeValue({ orderValue: 10, ordersPerYear: 10, years: Infinity })).toThrow(RangeError);
  });

  const factor = fc.double({ min: 0, max: 1e4, noNaN: true });
  const increase = fc.double({ min: 0, max: 1e3, noNaN: true });

  it('never falls when any one factor grows', () => {
    fc.assert(
      fc.property(factor, factor, factor, increase, fc.constantFrom('orderValue', 'ordersPerYear', 'years'), (o, f, y, d, key) => {
        const base = { orderValue: o, ordersPerYear: f, years: y };
        const grown = { ...base, [key]: base[key] + d };
        expect(lifetimeValue(grown)).toBeGreaterThanOrEqual(lifetimeValue(base));
      }),
    );
  });

  it('does not depend on the order of the factors', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b, c) => {
        expect(lifetimeValue({ orderValue: a, ordersPerYear: b, years: c })).toBe(
          lifetimeValue({ orderValue: c, ordersPerYear: a, years: b }),
        );
      }),
    );
  });
});

describe('compareLifetimeValues', () => {
  it('puts £1,331 at £1,231 more than £100: 13.31 times, an increase of 1,231 %', () => {
    const c = compareLifetimeValues(100, 1331);
    expect(c.difference).toBe(1231);
    expect(c.ratio).toBeCloseTo(13.31, 10);
    expect(c.increasePercent).toBeCloseTo(1231, 10);
  });

  it('puts a ten-year relationship (£1,000) at 900 % above one year (£100), as deck 002 says', () => {
    expect(compareLifetimeValues(100, 1000).increasePercent).toBe(900);
  });

  it('has no ratio when the first value is 0', () => {
    expect(compareLifetimeValues(0, 50)).toEqual({ difference: 50, ratio: null, increasePercent: null });
  });
});

describe('churnCost', () => {
  it('reproduces the 10 % row of deck 002: 100 new, 500n + 900n = 1,400n', () => {
    expect(churnCost({ customers: 1000, churnPercent: 10 })).toEqual({
      customers: 1000,
      churnPercent: 10,
      newCustomerCostMultiple: 5,
      newCustomersNeeded: 100,
      customersKept: 900,
      acquisitionCost: 500,
      retentionCost: 900,
      totalCost: 1400,
    });
  });

  it('reproduces the 50 % row of deck 002: 500 new, 2,500n + 500n = 3,000n', () => {
    const row = churnCost({ customers: 1000, churnPercent: 50 });
    expect(row.newCustomersNeeded).toBe(500);
    expect(row.acquisitionCost).toBe(2500);
    expect(row.retentionCost).toBe(500);
    expect(row.totalCost).toBe(3000);
  });

  it('reproduces every churn example the calculator offers', () => {
    for (const example of churnCostExamples) {
      expect(churnCost(example.input).totalCost, example.id).toBe(example.deckTotal);
    }
  });

  it('costs exactly customers × n when no one leaves', () => {
    expect(churnCost({ customers: 1000, churnPercent: 0 }).totalCost).toBe(1000);
  });

  it('rejects a churn above 100 % and negative inputs', () => {
    expect(() => churnCost({ customers: 1000, churnPercent: 101 })).toThrow(RangeError);
    expect(() => churnCost({ customers: -1, churnPercent: 10 })).toThrow(RangeError);
    expect(() => churnCost({ customers: 1000, churnPercent: 10, newCustomerCostMultiple: -5 })).toThrow(RangeError);
  });

  const customers = fc.integer({ min: 0, max: 1_000_000 });
  const percent = fc.double({ min: 0, max: 100, noNaN: true });
  const multiple = fc.double({ min: 1, max: 20, noNaN: true });

  it('costs more, never less, as churn rises, whenever a new customer costs at least as much as a kept one', () => {
    fc.assert(
      fc.property(customers, percent, percent, multiple, (c, p, q, k) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        const a = churnCost({ customers: c, churnPercent: low, newCustomerCostMultiple: k }).totalCost;
        const b = churnCost({ customers: c, churnPercent: high, newCustomerCostMultiple: k }).totalCost;
        expect(b).toBeGreaterThanOrEqual(a - 1e-6 * Math.max(1, a));
      }),
    );
  });

  it('always adds up: acquisition + retention = total, new + kept = customers', () => {
    fc.assert(
      fc.property(customers, percent, multiple, (c, p, k) => {
        const row = churnCost({ customers: c, churnPercent: p, newCustomerCostMultiple: k });
        expect(row.acquisitionCost + row.retentionCost).toBeCloseTo(row.totalCost, 6);
        expect(row.newCustomersNeeded + row.customersKept).toBeCloseTo(c, 6);
        expect(row.totalCost).toBeCloseTo(c * (1 + ((k - 1) * p) / 100), 3);
      }),
    );
  });
});

describe('formatPounds', () => {
  it('writes amounts as the lesson does', () => {
    expect(formatPounds(100)).toBe('£100');
    expect(formatPounds(1331)).toBe('£1,331');
    expect(formatPounds(208000)).toBe('£208,000');
    expect(formatPounds(12.5)).toBe('£12.5');
  });
});
