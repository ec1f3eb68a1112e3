/**
 * Lifetime value and the cost of churn, as deck 002 (《客户服务（customer care）》) works them out
 * (outline 2.6). The lesson and its calculator both use these functions, so that the figures a
 * learner reads and the figures a learner computes can never disagree. Pure: no DOM, no storage.
 */

/** What a customer spends with one supplier: the three factors deck 002 multiplies. */
export interface LifetimeValueInput {
  /** Money spent per order, in pounds (the deck works in £). */
  orderValue: number;
  /** Orders placed per year. */
  ordersPerYear: number;
  /** Years the customer stays with the supplier. */
  years: number;
}

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

/**
 * Lifetime value = order value × orders a year × years. Deck 002 defines lifetime value as the
 * total of every transaction a customer makes with a supplier and computes it this way, with no
 * discounting and no margin: it is revenue, not profit, which is why the figures grow so fast.
 *
 * @throws RangeError when a factor is negative or not a finite number.
 */
export function lifetimeValue({ orderValue, ordersPerYear, years }: LifetimeValueInput): number {
  assertNonNegative('orderValue', orderValue);
  assertNonNegative('ordersPerYear', ordersPerYear);
  assertNonNegative('years', years);
  return orderValue * ordersPerYear * years;
}

/** How a second lifetime value compares with a first one. */
export interface LifetimeValueComparison {
  /** `to − from`, in pounds. */
  difference: number;
  /** `to ÷ from`; `null` when `from` is 0, because no ratio exists. */
  ratio: number | null;
  /** Increase over `from` in percent, `(to − from) ÷ from × 100`; `null` when `from` is 0. */
  increasePercent: number | null;
}

/**
 * Compares two lifetime values. Deck 002 states its £100 → £1,331 example as "增长率1331%",
 * but £1,331 is 13.31 times £100, an increase of 1,231 %; the lesson shows both numbers, so the
 * ratio and the increase are kept apart here.
 */
export function compareLifetimeValues(from: number, to: number): LifetimeValueComparison {
  assertNonNegative('from', from);
  assertNonNegative('to', to);
  const difference = to - from;
  if (from === 0) return { difference, ratio: null, increasePercent: null };
  return { difference, ratio: to / from, increasePercent: (difference / from) * 100 };
}

/** The inputs of deck 002's churn-cost table (客户流失的成本). */
export interface ChurnCostInput {
  /** Customers the company wants to keep on its books for the year (the deck: 1,000). */
  customers: number;
  /** Percent of them lost in the year, 0–100 (the deck: 10 and 50). */
  churnPercent: number;
  /**
   * What winning one new customer costs, as a multiple of what keeping one existing customer
   * costs for the year (the deck: 5, "五倍成本"). Defaults to 5.
   */
  newCustomerCostMultiple?: number;
}

/**
 * One row of the churn-cost table. Costs are in units of n, the deck's cost of keeping one
 * existing customer for a year; with n in pounds they are pounds.
 */
export interface ChurnCostRow {
  customers: number;
  churnPercent: number;
  newCustomerCostMultiple: number;
  /** Column 3: new customers to win to stay at `customers` (column 1 × column 2). */
  newCustomersNeeded: number;
  /** Customers kept from last year (column 1 − column 3). */
  customersKept: number;
  /** Column 4: cost of winning the new customers (column 3 × multiple × n). */
  acquisitionCost: number;
  /** Column 5: cost of keeping the existing customers ((column 1 − column 3) × n). */
  retentionCost: number;
  /** Column 6: the year's total (column 4 + column 5). */
  totalCost: number;
}

/**
 * Reproduces deck 002's churn-cost table. Its assumptions, which the lesson states:
 * the company holds its customer base steady, replacing every lost customer with a new one;
 * a kept customer costs n for the year and a new one costs `multiple` × n to win, and that
 * acquisition cost is all a new customer costs in the year (the deck does not add n on top).
 * So total = lost × multiple × n + kept × n = customers × n × (1 + (multiple − 1) × churn).
 * With 1,000 customers and a multiple of 5: 10 % churn → 1,400n, 50 % churn → 3,000n.
 *
 * The churn is taken in percent, not as a fraction, so that the deck's rows come out exact in
 * floating point (1000 × 10 / 100 is exactly 100).
 *
 * @throws RangeError when an input is negative or not finite, or the churn exceeds 100 %.
 */
export function churnCost({ customers, churnPercent, newCustomerCostMultiple = 5 }: ChurnCostInput): ChurnCostRow {
  assertNonNegative('customers', customers);
  assertNonNegative('churnPercent', churnPercent);
  assertNonNegative('newCustomerCostMultiple', newCustomerCostMultiple);
  if (churnPercent > 100) throw new RangeError(`churnPercent must be at most 100, got ${churnPercent}`);
  const newCustomersNeeded = (customers * churnPercent) / 100;
  const customersKept = customers - newCustomersNeeded;
  const acquisitionCost = newCustomersNeeded * newCustomerCostMultiple;
  const retentionCost = customersKept;
  return {
    customers,
    churnPercent,
    newCustomerCostMultiple,
    newCustomersNeeded,
    customersKept,
    acquisitionCost,
    retentionCost,
    totalCost: acquisitionCost + retentionCost,
  };
}

const poundsFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** An amount in pounds as the deck writes it in the lesson: `£1,331`, `£208,000`. */
export function formatPounds(amount: number): string {
  return `${amount < 0 ? '−' : ''}£${poundsFormat.format(Math.abs(amount))}`;
}

/** A plain number with thousands separators, up to two decimals: `1,400`. */
export function formatNumber(value: number): string {
  return poundsFormat.format(value);
}

/** A worked example from the decks, with the figure the deck prints for it. */
export interface LifetimeValueExample {
  id: string;
  /** Button label in the calculator. */
  label: string;
  input: LifetimeValueInput;
  /** The result as the deck gives it, in pounds. */
  deckValue: number;
}

/** Deck 002's lifetime-value examples, in the order the lesson tells them. */
export const lifetimeValueExamples: readonly LifetimeValueExample[] = [
  { id: 'one-year', label: '一年后就换供应商', input: { orderValue: 10, ordersPerYear: 10, years: 1 }, deckValue: 100 },
  { id: 'ten-years', label: '关系维持十年', input: { orderValue: 10, ordersPerYear: 10, years: 10 }, deckValue: 1000 },
  { id: 'better-care', label: '改进关怀，三项各加 10%', input: { orderValue: 11, ordersPerYear: 11, years: 11 }, deckValue: 1331 },
  { id: 'supermarket', label: '每周逛超市，四十年', input: { orderValue: 100, ordersPerYear: 52, years: 40 }, deckValue: 208000 },
  { id: 'car-service', label: '汽车保养，十年', input: { orderValue: 500, ordersPerYear: 1, years: 10 }, deckValue: 5000 },
];

/** A row of deck 002's churn-cost table, with the total the deck prints (in units of n). */
export interface ChurnCostExample {
  id: string;
  label: string;
  input: Required<ChurnCostInput>;
  deckTotal: number;
}

/** Deck 002's two churn-cost rows. */
export const churnCostExamples: readonly ChurnCostExample[] = [
  { id: 'churn-10', label: '流失率 10%', input: { customers: 1000, churnPercent: 10, newCustomerCostMultiple: 5 }, deckTotal: 1400 },
  { id: 'churn-50', label: '流失率 50%', input: { customers: 1000, churnPercent: 50, newCustomerCostMultiple: 5 }, deckTotal: 3000 },
];
