import { startSending } from '../../lms/xapi/sender.ts';

/** Starts the sender with what the layout wrote on the page (`LrsSender.astro`). */
export function startFromPage(): void {
  const holder = document.querySelector<HTMLElement>('[data-lrs-sender]');
  const data = holder?.dataset;
  if (!data?.['endpoint'] || !data['auth']) return;
  startSending({
    config: { endpoint: data['endpoint'], auth: data['auth'], ...(data['courseIri'] ? { courseIri: data['courseIri'] } : {}) },
    courseId: data['courseId'] ?? '',
    courseVersion: data['courseVersion'] ?? '',
  });
}
