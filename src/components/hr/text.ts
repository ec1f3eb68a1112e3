import type { FileRejectReason, FileStatus } from '../../domain/records/analyse.ts';
import type { UiKey } from '../../i18n/zh-CN.ts';

/** The page's `t`, passed down to the dashboard's parts. */
export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** A date for people, in the reader's time zone: 2026/03/02. */
export const day = (iso: string | undefined): string =>
  iso ? new Date(iso).toLocaleDateString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' }) : '—';

/** A date and time for people, in the reader's time zone. */
export const dayTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

/** A score with at most two decimals and no trailing zeros. */
export const score = (x: number): string => String(Math.round(x * 100) / 100);

/** A glyph beside every status word, so that colour is never the only signal. */
export const STATUS_MARK: Record<FileStatus['status'], string> = {
  verified: '✓',
  'score-mismatch': '✗',
  'content-changed': '↻',
  duplicate: '↔',
  'other-course': '≠',
  unreadable: '!',
};

/** What the page says about a file beyond its status. */
export function fileNote(t: Translate, file: FileStatus): string {
  switch (file.status) {
    case 'unreadable':
      return t(`hr.reject.${file.reason satisfies FileRejectReason}`, { field: file.detail ?? '' });
    case 'other-course':
      return t('hr.note.otherCourse', { title: file.courseTitle, id: file.courseId });
    default: {
      const notes = [
        ...(file.mergedInto ? [t('hr.note.duplicate', { id: file.employeeId, file: file.mergedInto.name })] : []),
        ...(file.mismatches > 0 ? [t('hr.note.mismatch', { n: file.mismatches })] : []),
        ...file.mismatched.map((m) =>
          t('hr.note.mismatchFigures', {
            title: m.title,
            claimed: `${score(m.claimed.score)}/${score(m.claimed.maxScore)}`,
            rescored: m.rescored ? `${score(m.rescored.score)}/${score(m.rescored.maxScore)}` : t('hr.note.notRescorable'),
          }),
        ),
        ...(file.changed.length > 0 ? [t('hr.note.changed', { titles: file.changed.join('、') })] : []),
      ];
      return notes.join(' ');
    }
  }
}

/** A long prompt cut for a table cell, by characters (not bytes), with an ellipsis; short ones as they are. */
export const shorten = (text: string, max = 40): string => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};

/** A figure of item analysis as the page shows it: two decimals, a true minus sign. */
export const figure = (x: number): string => x.toFixed(2).replace('-', '−');
