import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { scenarioSchema, type Scenario } from '../../src/schemas/scenario.ts';

/** The small, complete example scenario documented in content/scenarios/README.md. */
export const exampleYaml = readFileSync(new URL('../fixtures/scenario-example.yaml', import.meta.url), 'utf8');

/** A fresh copy each call, so a test can break it without touching the others. */
export const example = (): Scenario => scenarioSchema.parse(parse(exampleYaml));
