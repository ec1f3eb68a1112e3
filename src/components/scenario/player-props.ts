import { contentVersion } from '../../domain/content-version.ts';
import { bestRun } from '../../domain/scenario/best-path.ts';
import type { PathStep } from '../../domain/scenario/state.ts';
import { t, type UiKey } from '../../i18n/index.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import type { Scenario } from '../../schemas/scenario.ts';

// Strings the island never shows (the map's and the list's) stay out of its props.
const PAGE_ONLY = /^scenario\.(map|list|cond|effect)\./;

/** The player's UI strings, placeholders left in for the island to fill. */
export const playerStrings = (): Record<string, string> =>
  Object.fromEntries(
    (Object.keys(zhCN) as UiKey[]).filter((key) => key.startsWith('scenario.') && !PAGE_ONLY.test(key)).map((key) => [key, t(key)]),
  );

const best = new Map<string, PathStep[]>();

/** Everything the player island needs, worked out once per scenario at build time. */
export function playerProps(scenario: Scenario) {
  if (!best.has(scenario.id)) best.set(scenario.id, bestRun(scenario)?.path ?? []);
  return {
    scenario,
    version: contentVersion(scenario),
    best: best.get(scenario.id) ?? [],
    strings: playerStrings(),
  };
}
