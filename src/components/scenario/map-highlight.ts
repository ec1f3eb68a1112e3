import { activityResults } from '../../domain/progress/reducers.ts';
import { isScenarioAnswers } from '../../domain/scenario/run-record.ts';
import { $progress } from '../../stores/progress.ts';

/**
 * Highlights the learner's latest run on a branch map that was drawn at build time: reads the
 * progress log, and toggles `on-path` on the boxes and edges the run went through. Listens to
 * the store, so a run finished in another tab shows up here too.
 */
export function highlightLastRun(figure: HTMLElement): () => void {
  const scenarioId = figure.dataset['scenario'] ?? '';
  const start = figure.dataset['start'] ?? '';
  const status = figure.querySelector<HTMLElement>('[data-path-status]');
  const edges = [...figure.querySelectorAll<SVGGElement>('g.edge')];
  const boxes = new Map([...figure.querySelectorAll<SVGGElement>('g.box')].map((b) => [b.dataset['node'] ?? '', b]));

  const show = (answers: unknown) => {
    for (const el of figure.querySelectorAll('.on-path')) el.classList.remove('on-path');
    if (!isScenarioAnswers(answers)) {
      if (status) status.textContent = status.dataset['none'] ?? '';
      return;
    }
    const stops = [...answers.path.map(([node]) => node), answers.ending];
    const mark = (el: Element | undefined) => el?.classList.add('on-path');
    mark(boxes.get('@start'));
    for (const id of stops) mark(boxes.get(id));
    // A run recorded against an older version of the scenario may not start where this one does.
    if (stops[0] === start) mark(edges.find((e) => e.dataset['from'] === '@start'));
    answers.path.forEach(([from, choice], i) => {
      const to = stops[i + 1];
      const direct = edges.find(
        (e) => e.dataset['from'] === from && e.dataset['to'] === to && (e.dataset['choices'] ?? '').split(' ').includes(choice),
      );
      if (direct) return mark(direct);
      // Not where the choice leads by itself: a trigger redirected the conversation.
      mark(edges.find((e) => e.dataset['trigger'] && e.dataset['to'] === to));
      mark(boxes.get('@anytime'));
    });
    for (const edge of figure.querySelectorAll<SVGGElement>('g.edge.on-path')) {
      // Drawn last, the path runs on top of the edges it crosses.
      edge.parentNode?.appendChild(edge);
      mark(figure.querySelector(`text.edge-label[data-key="${CSS.escape(edge.dataset['key'] ?? '')}"]`) ?? undefined);
    }
    const ending = boxes.get(answers.ending)?.dataset['title'] ?? answers.ending;
    if (status) status.textContent = (status.dataset['last'] ?? '').replace('{ending}', ending);
  };

  // On a narrow screen the drawing is wider than the view: start with the first box in sight.
  const scroller = figure.querySelector<HTMLElement>('[data-map-scroller]');
  const first = boxes.get('@start');
  if (scroller && first && scroller.scrollWidth > scroller.clientWidth) {
    const box = first.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    scroller.scrollLeft += box.left + box.width / 2 - (view.left + view.width / 2);
  }

  return $progress.subscribe((log) => show(activityResults(log.events).get(scenarioId)?.latest.answers));
}
