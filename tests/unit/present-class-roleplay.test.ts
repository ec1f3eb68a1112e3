import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { roleplayGraph, toClassRoleplay } from '../../src/domain/present/class-roleplay.ts';
import { followPath } from '../../src/domain/present/roleplay-path.ts';

const fixture = parse(readFileSync(new URL('../fixtures/present/fixture-late-delivery.yaml', import.meta.url), 'utf8')) as unknown;

describe('toClassRoleplay', () => {
  it('reads a scenario with a list of nodes, choices leading on, and an ending', () => {
    const roleplay = toClassRoleplay(fixture);
    expect(roleplay).toMatchObject({ id: 'fixture-late-delivery', title: '迟到的快递', customerName: '王女士', start: 'opening' });
    expect(roleplay?.nodes.map((n) => n.id)).toEqual(['opening', 'angry', 'tracked', 'calm']);
    expect(roleplay?.nodes[0]?.choices[1]).toEqual({
      id: 'policy',
      text: '物流延误不归我们负责，您可以联系快递公司。',
      next: 'angry',
      feedback: '推卸责任会让客户更生气。',
    });
    expect(roleplay?.nodes[3]).toMatchObject({ line: '好吧，那我等你电话。', choices: [], ending: { title: '客户平静下来' } });
  });

  it('gives followPath the conversation’s shape', () => {
    const roleplay = toClassRoleplay(fixture);
    if (!roleplay) throw new Error('fixture did not read');
    expect(followPath(roleplayGraph(roleplay), roleplay.start, ['opening/policy', 'angry/apologise-again', 'tracked/promise']).node).toBe(
      'calm',
    );
  });

  it('accepts nodes as a map by id, the line as `say`, and a node without choices as an ending', () => {
    const roleplay = toClassRoleplay({
      id: 's',
      title: 'T',
      customer: 'C',
      nodes: { a: { say: '你好', choices: [{ id: 'x', text: '您好', next: 'b' }] }, b: { title: '结束' } },
    });
    expect(roleplay).toMatchObject({
      start: 'a',
      customerName: 'C',
      nodes: [
        { id: 'a', line: '你好' },
        { id: 'b', choices: [], ending: { title: '结束' } },
      ],
    });
  });

  it('drops choices it cannot follow', () => {
    const roleplay = toClassRoleplay({
      id: 's',
      title: 'T',
      start: 'a',
      nodes: [
        {
          id: 'a',
          line: '?',
          choices: [
            { id: 'x', text: 'no next' },
            { id: 'y', text: 'ok', next: 'a' },
          ],
        },
      ],
    });
    expect(roleplay?.nodes[0]?.choices.map((c) => c.id)).toEqual(['y']);
  });

  it('returns nothing for a scenario without a conversation, so the slide sends learners to their devices', () => {
    expect(toClassRoleplay({ id: 's', title: 'T', situation: '…', customer: { name: 'C', personality: 'lively' } })).toBeUndefined();
    expect(toClassRoleplay({ id: 's', title: 'T', start: 'missing', nodes: [{ id: 'a', line: '?' }] })).toBeUndefined();
    expect(toClassRoleplay(null)).toBeUndefined();
  });
});
