import type { APIRoute } from 'astro';
import { THEME } from '../components/offline/theme.ts';
import { t } from '../i18n/index.ts';

/**
 * `/manifest.webmanifest`: lets a phone add the course to its home screen and open it as an app
 * (offline too, once the service worker has it). Relative URLs resolve against this file, so the
 * course works from whatever folder it is served.
 */
export const GET: APIRoute = () => {
  const manifest = {
    name: t('site.name'),
    short_name: t('site.name'),
    description: t('site.description'),
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: THEME.brand,
    background_color: THEME.light,
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/manifest+json; charset=utf-8' } });
};
