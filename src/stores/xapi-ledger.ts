import { emptyLedger, parseLedger, type Ledger } from '../domain/xapi/queue.ts';

/**
 * Where the LRS's answers are kept: one small localStorage key per LRS endpoint (a new LRS has
 * none of the statements, so it starts with an empty ledger). Only ids and refusals live here; the
 * statements are derived from the progress log. Every call is guarded: without storage the ledger
 * lives in memory, and the next visit sends again what the LRS then takes as already held (409).
 */
export const LEDGER_PREFIX = 'service-classroom:xapi:v1:';

export interface LedgerStorage {
  load(): Ledger;
  /** Saves the ledger, merged with what another tab may have saved meanwhile. */
  save(ledger: Ledger): Ledger;
}

/** Two ledgers as one: every acknowledged id; a refusal unless the other side has it acknowledged. */
export function mergeLedgers(a: Ledger, b: Ledger): Ledger {
  const acknowledged = [...new Set([...a.acknowledged, ...b.acknowledged])];
  const done = new Set(acknowledged);
  const refused = Object.fromEntries(Object.entries({ ...a.refused, ...b.refused }).filter(([id]) => !done.has(id)));
  return { acknowledged, refused };
}

export function localLedgerStorage(endpoint: string, getStorage: () => Storage | undefined): LedgerStorage {
  const key = LEDGER_PREFIX + endpoint;
  let memory = emptyLedger();
  const read = (): Ledger => {
    try {
      return parseLedger(getStorage()?.getItem(key) ?? null);
    } catch {
      return memory;
    }
  };
  return {
    load: () => mergeLedgers(memory, read()),
    save(ledger) {
      memory = mergeLedgers(read(), ledger);
      try {
        getStorage()?.setItem(key, JSON.stringify(memory));
      } catch {
        // Full or disabled storage: kept in memory for this page; the LRS answers 409 for repeats later.
      }
      return memory;
    },
  };
}
