import { $lrsStatus, type LrsStatus } from '../../lms/xapi/sender.ts';

/** Keeps the /me/ panel (`LrsStatus.astro`) in step with the sender; the words come from the page. */
export function showLrsStatus(): void {
  const panel = document.querySelector<HTMLDetailsElement>('[data-lrs-status]');
  const words = panel?.querySelector<HTMLTemplateElement>('[data-lrs-words]')?.content;
  if (!panel || !words) return;
  const word = (name: string, values: Record<string, string> = {}) =>
    Object.entries(values).reduce(
      (text, [key, value]) => text.replace(`{${key}}`, value),
      words.querySelector(`[data-word="${name}"]`)?.textContent ?? '',
    );
  const line = (name: string, text: string | undefined) => {
    const element = panel.querySelector<HTMLElement>(`[data-lrs-line="${name}"]`)!;
    element.hidden = !text;
    element.textContent = text ?? '';
  };
  const failureText = (status: LrsStatus): string | undefined => {
    if (!status.failure) return undefined;
    const http = /^HTTP (\d+)/.exec(status.failure);
    const reason = http ? word('http', { status: http[1]! }) : word(status.failure) || status.failure;
    const next = status.nextTryAt ? ` ${word('nextTry', { time: new Date(status.nextTryAt).toLocaleTimeString('zh-CN') })}` : '';
    return word('failure', { reason }) + next;
  };
  $lrsStatus.subscribe((status) => {
    for (const key of ['queued', 'sent', 'refused'] as const) {
      panel.querySelector(`[data-lrs-count="${key}"]`)!.textContent = String(status[key]);
    }
    panel.querySelector<HTMLElement>('[data-lrs-line="needLearner"]')!.hidden = status.hasLearner;
    line('failure', failureText(status));
    line('refusal', status.refusal ? word('refusal', { reason: status.refusal }) : undefined);
    // Something is wrong: open the panel so the learner sees it without looking for it.
    if (status.refused > 0 && !panel.dataset['opened']) {
      panel.open = true;
      panel.dataset['opened'] = '';
    }
  });
}
