import { joinUrl } from '../../domain/present/join-url.ts';

/**
 * Fills in each class activity's address (`[data-join-path]`) with the full address on this
 * server and draws its QR code. The QR library is loaded only on pages that have such a slide.
 * Opened from files, the slide keeps the bare path: no phone could reach that address anyway.
 */
export function showJoinCodes(root: ParentNode): void {
  const joins = [...root.querySelectorAll<HTMLElement>('[data-join-path]')];
  if (joins.length === 0) return;
  const qrcode = import('qrcode');
  for (const join of joins) {
    const url = joinUrl(location.origin, join.dataset['joinPath'] ?? '');
    if (!url) continue;
    const address = join.querySelector('[data-join-address]');
    if (address) address.textContent = url;
    const box = join.querySelector<HTMLElement>('[data-join-qr]');
    if (!box) continue;
    qrcode
      .then((QRCode) =>
        QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }),
      )
      .then((svg) => {
        box.innerHTML = svg;
        box.querySelector('svg')?.setAttribute('aria-hidden', 'true');
        box.setAttribute('role', 'img');
        box.setAttribute('aria-label', (join.dataset['qrLabel'] ?? '{url}').replace('{url}', url));
        box.hidden = false;
        const hint = join.querySelector<HTMLElement>('[data-join-hint]');
        if (hint) hint.hidden = false;
      })
      .catch(() => {
        // The address is on the slide already; without a code the room types it.
      });
  }
}
