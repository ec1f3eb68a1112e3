import { z } from 'zod';
import { STEP_IDS } from '../domain/complaint-steps.ts';
import { idSchema, textSchema } from './ids.ts';

/**
 * A job aid (工作卡), `content/job-aids/<id>.yaml`: one printed A4 page a new employee keeps at the
 * counter, beside the phone or next to the chat window. It is made of blocks, each a kind of
 * thing that prints well. Where the course already holds a concept as data (the eight steps, the
 * personality-type guidance, the lifetime-value examples) a block names it and the page draws it
 * from there, so a job aid can never disagree with the lesson it summarises.
 */

const headingSchema = textSchema.optional();

/** A short paragraph. */
const textBlock = z.object({
  kind: z.literal('text'),
  /** Optional `## ` heading above the block. */
  heading: headingSchema,
  text: textSchema,
});

/** A bulleted (or, with `ordered`, numbered) list. */
const listBlock = z.object({
  kind: z.literal('list'),
  heading: headingSchema,
  ordered: z.boolean().default(false),
  items: z.array(textSchema).min(1),
});

/** A table: `columns` are the header cells, every row has as many cells. */
const tableBlock = z
  .object({
    kind: z.literal('table'),
    heading: headingSchema,
    columns: z.array(textSchema).min(2),
    rows: z.array(z.array(textSchema)).min(1),
  })
  .superRefine((table, ctx) => {
    table.rows.forEach((row, i) => {
      if (row.length !== table.columns.length) {
        ctx.addIssue({ code: 'custom', path: ['rows', i], message: `这一行有 ${row.length} 格，表头有 ${table.columns.length} 列` });
      }
    });
  });

/** Points to tick off by hand, each with the question to ask oneself. */
const checklistBlock = z.object({
  kind: z.literal('checklist'),
  heading: headingSchema,
  items: z
    .array(
      z.object({
        /** The point, a few words. */
        point: textSchema,
        /** The question to ask oneself at that point. */
        ask: textSchema,
      }),
    )
    .min(1),
});

/** Blank fields of a paper form, to fill in by hand. */
const formBlock = z.object({
  kind: z.literal('form'),
  heading: headingSchema,
  fields: z
    .array(
      z.object({
        label: textSchema,
        /** Handwritten lines the field leaves room for. */
        lines: z.number().int().min(1).max(6).default(1),
        /** A short field shares its row with the next short one. */
        short: z.boolean().default(false),
      }),
    )
    .min(1),
  /** Add a tick box per step of the eight-step method, so the form records which were done. */
  stepTicks: z.boolean().default(false),
});

/** What to say at each of the eight steps, per channel. Step names come from the method itself. */
const stepLinesBlock = z
  .object({
    kind: z.literal('complaint-step-lines'),
    heading: headingSchema,
    /** One entry per step of the eight-step method, in the method's order. */
    steps: z.array(
      z.object({
        /** A step id from `src/domain/complaint-steps.ts`. */
        step: z.enum(STEP_IDS),
        counter: textSchema,
        phone: textSchema,
        online: textSchema,
      }),
    ),
  })
  .superRefine((block, ctx) => {
    const given = block.steps.map((s) => s.step).join(',');
    if (given !== STEP_IDS.join(',')) {
      ctx.addIssue({ code: 'custom', path: ['steps'], message: `应按八步法的顺序各写一次：${STEP_IDS.join('、')}` });
    }
  });

/** The four personality types as the classification set describes them (signs, serve, avoid). */
const personalityTypesBlock = z.object({
  kind: z.literal('personality-types'),
  heading: headingSchema,
  /** The classification set whose `types` guidance is shown. */
  set: idSchema.default('personality-types'),
});

/** The lifetime-value formula and the churn-cost table, worked out from the lesson's own examples. */
const lifetimeValueBlock = z.object({
  kind: z.literal('lifetime-value'),
  heading: headingSchema,
});

export const jobAidBlockSchema = z.discriminatedUnion('kind', [
  textBlock,
  listBlock,
  tableBlock,
  checklistBlock,
  formBlock,
  stepLinesBlock,
  personalityTypesBlock,
  lifetimeValueBlock,
]);

export const jobAidSchema = z.object({
  /** Job-aid id, equal to the file name; the page is `/job-aids/<id>/`. */
  id: idSchema,
  /** The card's title, printed at its top. */
  title: textSchema,
  /** One sentence: what the card is for; under the title and in the list of cards. */
  summary: textSchema,
  /** Position in the list of cards, from 1. */
  order: z.number().int().min(1),
  /** Ids of the lessons the card summarises: each of them links to it (打印工作卡). */
  lessons: z.array(idSchema).min(1, '至少写一个它所总结的课程 id'),
  blocks: z.array(jobAidBlockSchema).min(1),
});

export type JobAid = z.infer<typeof jobAidSchema>;
export type JobAidBlock = z.infer<typeof jobAidBlockSchema>;
