/**
 * The eight-step complaint method (outline 7.2, deck 003), in the order the method teaches it.
 * The ids are stable: scenarios credit them, quizzes and lessons may name them, progress records
 * and HR reports carry them. Never rename one; add a new id instead.
 *
 * The deck prints the method as nine lines for eight steps: "改正错误" and "行动要快" are one
 * step here (`fix-fast`), because acting quickly is how the correction is made.
 */
export const COMPLAINT_STEPS = [
  { id: 'thank', name: '说“谢谢”' },
  { id: 'explain-gratitude', name: '说明为什么感谢' },
  { id: 'apologise', name: '为错误道歉' },
  { id: 'promise', name: '承诺马上处理' },
  { id: 'gather-info', name: '了解必要信息' },
  { id: 'fix-fast', name: '迅速纠正错误' },
  { id: 'check-satisfaction', name: '确认客户满意' },
  { id: 'prevent', name: '避免再犯' },
] as const;

export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export type StepId = ComplaintStep['id'];

/** The step ids in method order. */
export const STEP_IDS = COMPLAINT_STEPS.map((s) => s.id) as [StepId, ...StepId[]];

const positions = new Map<string, number>(STEP_IDS.map((id, i) => [id, i]));

/** 0-based position of a step in the method, or -1 for an unknown id. */
export const stepPosition = (id: string): number => positions.get(id) ?? -1;

export const isStepId = (id: string): id is StepId => positions.has(id);
