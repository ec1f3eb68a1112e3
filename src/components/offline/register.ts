import { PACKAGE_STORAGE } from '../../stores/progress-storage.ts';
import { offerUpdate } from './update-notice.ts';

// Inside an LMS package the course runs in the LMS's frame and scope: no service worker there
// (the packager leaves `sw.js` out, and the frame script installs the package storage first).
const workers = navigator.serviceWorker as ServiceWorkerContainer | undefined;
if (workers && import.meta.env.PROD && !(PACKAGE_STORAGE in window)) {
  // The page names its edition's worker (`/sw.js`, or `/zh-hant/sw.js` in the Traditional edition).
  const worker = document.querySelector<HTMLElement>('[data-update-notice]')?.dataset['worker'] ?? `${import.meta.env.BASE_URL}sw.js`;
  workers.register(worker).then(
    (registration) => {
      // A waiting worker with one already in control is a new version; on a first visit there is none to replace.
      const offer = () => {
        const waiting = registration.waiting;
        if (waiting && workers.controller) offerUpdate(waiting);
      };
      offer();
      registration.addEventListener('updatefound', () => registration.installing?.addEventListener('statechange', offer));
    },
    () => {
      // No service worker (a private window, a file:// copy): the course works online as before.
    },
  );
}
