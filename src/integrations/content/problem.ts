/** Something wrong with an authored file, worded for the author who has to fix it. */
export interface Problem {
  /** Path of the file, relative to the project root, e.g. `content/lessons/mindset/x.mdx`. */
  file: string;
  /** Where in the file: a field path such as `questions[2].options`, or a scenario node. */
  field?: string;
  /** What is wrong, in a sentence an author can act on. */
  message: string;
}

export const formatProblem = (p: Problem): string =>
  p.field ? `${p.file} › ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;

export const formatProblems = (problems: readonly Problem[]): string =>
  `课程内容有 ${problems.length} 处问题，请修改后再构建：\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n');
