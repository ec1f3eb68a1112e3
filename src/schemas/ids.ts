import { z } from 'zod';

/**
 * Identifiers shared by every schema. Ids appear in URLs and in learners' progress records, so
 * they are restricted to lowercase ASCII words joined by hyphens and must never be renamed once
 * learners have used them.
 */
export const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '应为小写字母、数字和连字符组成的 id，例如 "selling-is-serving"');

/**
 * An outline topic id such as "2.6". YAML reads `2.6` as a number, so numbers are accepted and
 * turned into strings; "2.10" must be quoted, because YAML would read it as 2.1.
 */
export const topicIdSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .pipe(z.string().regex(/^[1-9]\.[1-9][0-9]?$/, '应为大纲编号，例如 "2.6"'));

/** The four customer personality types of deck 000 (outline 4.4). */
export const personalityTypeSchema = z.enum(['lively', 'powerful', 'peaceful', 'analytical']);
export type PersonalityType = z.infer<typeof personalityTypeSchema>;

/** A deck file name from `../shared/decks/`, e.g. "000_06c743803fa7a05e.txt". */
export const deckSchema = z.enum([
  '000_06c743803fa7a05e.txt',
  '001_d3e1a08d6ad73a68.txt',
  '002_ec28ef0a36933840.txt',
  '003_fab1691d02cd859c.txt',
  '004_306dc94172da7db7.txt',
]);
export type Deck = z.infer<typeof deckSchema>;

/** Text shown to learners: must contain something besides whitespace. */
export const textSchema = z.string().trim().min(1, '不能为空');
