// The one script every page loads: it starts the progress store (by importing it), keeps the
// storage notice current and, on a lesson page, records the visit and the completion. One file, to stay within the 3 KB budget.
import { $progress, $storageStatus, completeLesson, downloadBackup, isLessonCompleted, markViewed } from '../../stores/progress.ts';

const notice = document.querySelector<HTMLElement>('[data-storage-notice]')!;
$storageStatus.subscribe((status) => {
  notice.dataset['status'] = status.kind;
  notice.dataset['reason'] = (status as { reason?: string }).reason ?? '';
  // How much of an unreadable record could still be read (0: none).
  notice.dataset['kept'] = notice.querySelector('[data-kept]')!.textContent = String((status as { kept?: number }).kept ?? 0);
});
notice.querySelector('[data-export]')!.addEventListener('click', downloadBackup);

const panel = document.querySelector<HTMLElement>('[data-lesson-completion]');
if (panel) {
  const lessonId = panel.dataset['lessonId'] ?? '';
  const required = (panel.dataset['required'] ?? '').split(' ').filter(Boolean);
  let reachedEnd = false;
  // The panel's texts are in the HTML; CSS shows the one matching `data-state`.
  const tryComplete = () => {
    if (!completeLesson(lessonId, required)) panel.dataset['state'] = 'blocked';
  };
  markViewed(lessonId);
  $progress.subscribe((log) => {
    if (isLessonCompleted(log, lessonId)) panel.dataset['state'] = 'completed';
    // A required activity passed after the learner reached the end completes the lesson then.
    else if (reachedEnd && required.length > 0) tryComplete();
  });
  panel.querySelector('button')!.addEventListener('click', tryComplete);
  // Reaching the end of the lesson counts as finishing it.
  new IntersectionObserver((entries, observer) => {
    if (entries.some((e) => e.isIntersecting)) {
      reachedEnd = true;
      observer.disconnect();
      tryComplete();
    }
  }).observe(panel);
}
