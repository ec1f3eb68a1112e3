import type { z } from 'zod';
import type { Problem } from './problem.ts';

type Issue = z.core.$ZodIssue;

/** `['questions', 2, 'options']` → `questions[2].options`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

const typeNames: Record<string, string> = {
  string: '文字',
  number: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = data;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Zod's English messages, reworded in Chinese for authors. Custom messages from the schemas pass through. */
function describe(issue: Issue, data: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      if (valueAt(data, issue.path) === undefined) return `缺少必填字段（应为${expected}）`;
      if (valueAt(data, issue.path) === null) return `不能为空（应为${expected}）`;
      return `类型不对：应为${expected}，实际是 ${JSON.stringify(valueAt(data, issue.path))}`;
    }
    case 'invalid_value':
      return `取值 ${JSON.stringify(valueAt(data, issue.path))} 无效，可选：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'invalid_union': {
      // For a discriminated union zod 4 reports the discriminator's own path (`questions[0].type`).
      const options = 'options' in issue && Array.isArray(issue.options) ? `，可选：${issue.options.map((o) => JSON.stringify(o)).join('、')}` : '';
      if ('discriminator' in issue && issue.discriminator) return `取值 ${JSON.stringify(valueAt(data, issue.path))} 无效${options}`;
      return `格式不符合任何一种写法`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return issue.message.startsWith('Too small') ? '不能为空' : issue.message;
      return `不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
      return `不能大于 ${String(issue.maximum)}`;
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}（是否拼错了？）`;
    default:
      return issue.message;
  }
}

/** Turns a failed schema parse into problems that name the file and the field. */
export function zodProblems(file: string, error: z.ZodError, data: unknown, fieldPrefix = ''): Problem[] {
  return error.issues.map((issue) => {
    const field = fieldPrefix + fieldPath(issue.path);
    return field ? { file, field, message: describe(issue, data) } : { file, message: describe(issue, data) };
  });
}
