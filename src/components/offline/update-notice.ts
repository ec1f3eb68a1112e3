/**
 * Shows "新版本已就绪" for a worker that waits with a newer version. Accepting hands control to
 * it and reloads once it has taken over, so every page from then on comes from the new version.
 */
export function offerUpdate(waiting: ServiceWorker): void {
  const notice = document.querySelector<HTMLElement>('[data-update-notice]');
  const button = notice?.querySelector<HTMLButtonElement>('[data-update-refresh]');
  if (!notice || !button) return;
  notice.hidden = false;
  button.addEventListener(
    'click',
    () => {
      button.disabled = true;
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    },
    { once: true },
  );
}
