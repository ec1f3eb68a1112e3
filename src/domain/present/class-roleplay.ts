import type { RoleplayGraph } from './roleplay-path.ts';

/**
 * What a role-play slide needs from a scenario: who the customer is, what they say at each
 * point, and where each reply leads. Deliberately small, so the class view can be wired to the
 * learner's scenario engine (`src/domain/scenario…`, another branch) through `toClassRoleplay`
 * alone, without this side knowing the engine's rules.
 */
export interface ClassRoleplay {
  id: string;
  title: string;
  /** The situation the room reads before the conversation starts. */
  situation: string;
  customerName: string;
  /** Id of the first node. */
  start: string;
  nodes: ClassRoleplayNode[];
}

export interface ClassRoleplayNode {
  id: string;
  /** What the customer says here (may be empty when the node is narration only). */
  line: string;
  /** Stage direction or narration shown above the line, e.g. "客户提高了声音". */
  narration?: string;
  /** The replies the room votes on; none at an ending. */
  choices: ClassRoleplayChoice[];
  /** Present at an ending: how it turned out. */
  ending?: { title: string; text?: string };
}

export interface ClassRoleplayChoice {
  id: string;
  /** The staff member's reply, as the room reads it. */
  text: string;
  /** Id of the node this reply leads to. */
  next: string;
  /** Shown after the room picked it: why it helps or hurts. */
  feedback?: string;
}

type Data = Record<string, unknown>;
const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (...values: unknown[]): string | undefined =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '')?.trim();

/**
 * Reads scenario data (as `content/scenarios/*.yaml` holds it) into the class shape, or returns
 * undefined when it has no conversation to run (the class slide then sends learners to their own
 * devices). Accepts nodes as a list or a map by id, the customer's words as `customer`, `say`,
 * `line` or `text`, and an ending as an `ending` object or a node without choices.
 * This is the one place to change when the scenario schema settles.
 */
export function toClassRoleplay(scenario: unknown): ClassRoleplay | undefined {
  if (!isData(scenario)) return undefined;
  const rawNodes = Array.isArray(scenario['nodes'])
    ? scenario['nodes']
    : isData(scenario['nodes'])
      ? Object.entries(scenario['nodes']).map(([id, node]) => (isData(node) ? { id, ...node } : node))
      : [];
  const nodes = rawNodes.filter(isData).flatMap((node): ClassRoleplayNode[] => {
    const id = text(node['id']);
    if (!id) return [];
    const choices = (Array.isArray(node['choices']) ? node['choices'] : []).filter(isData).flatMap((choice): ClassRoleplayChoice[] => {
      const choiceId = text(choice['id']);
      const choiceText = text(choice['text'], choice['label']);
      const next = text(choice['next'], choice['goto']);
      if (!choiceId || !choiceText || !next) return [];
      const feedback = text(choice['feedback']);
      return [{ id: choiceId, text: choiceText, next, ...(feedback ? { feedback } : {}) }];
    });
    const narration = text(node['narration'], node['narrator']);
    const rawEnding = node['ending'];
    const ending = isData(rawEnding)
      ? { title: text(rawEnding['title']) ?? '', text: text(rawEnding['text'], rawEnding['summary']) }
      : choices.length === 0
        ? { title: text(node['title']) ?? '', text: undefined }
        : undefined;
    return [
      {
        id,
        line: text(node['customer'], node['say'], node['line'], node['text']) ?? '',
        ...(narration ? { narration } : {}),
        choices: ending ? [] : choices,
        ...(ending ? { ending: { title: ending.title, ...(ending.text ? { text: ending.text } : {}) } } : {}),
      },
    ];
  });
  const id = text(scenario['id']);
  const title = text(scenario['title']);
  const start = text(scenario['start']) ?? nodes[0]?.id;
  if (!id || !title || !start || !nodes.some((n) => n.id === start)) return undefined;
  const customer = scenario['customer'];
  return {
    id,
    title,
    situation: text(scenario['situation']) ?? '',
    customerName: (isData(customer) ? text(customer['name']) : text(customer)) ?? '',
    start,
    nodes,
  };
}

/** The conversation's shape for `followPath`: node → choice → next node. */
export function roleplayGraph(roleplay: ClassRoleplay): RoleplayGraph {
  return Object.fromEntries(roleplay.nodes.map((node) => [node.id, Object.fromEntries(node.choices.map((c) => [c.id, c.next]))]));
}
