/**
 * Where a role-play stands after the choices the room has made. The class view needs only the
 * conversation's shape: for each node, which node each choice leads to. (The learner's scenario
 * engine may also track mood and steps; in class the trainer narrates those.)
 */
export type RoleplayGraph = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface RoleplayPosition {
  /** The node the conversation is at. */
  node: string;
  /** The choices that led there, as `node/choice` keys; unknown or stale keys are dropped. */
  path: string[];
}

/** The key a choice is recorded under: choice ids are unique only within their node. */
export function choiceKey(node: string, choice: string): string {
  return `${node}/${choice}`;
}

/**
 * Follows `path` from `start` through `graph`. It stops at the first key that is not a choice of
 * the node reached, so a path recorded against an older version of the scenario degrades to the
 * longest part of it that still makes sense.
 */
export function followPath(graph: RoleplayGraph, start: string, path: readonly string[]): RoleplayPosition {
  let node = start;
  const followed: string[] = [];
  for (const key of path) {
    const slash = key.indexOf('/');
    if (slash < 0 || key.slice(0, slash) !== node) break;
    const next = graph[node]?.[key.slice(slash + 1)];
    if (next === undefined || !(next in graph)) break;
    followed.push(key);
    node = next;
  }
  return { node, path: followed };
}
