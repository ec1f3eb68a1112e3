import type { APIRoute } from 'astro';
import { loadCatalogue } from '../data/catalogue.ts';

/**
 * `/catalogue.json`: the course catalogue as the build saw it, a static file of the same origin.
 * The HR page's worker fetches it to re-score records against (so it is neither inlined into a
 * page nor loaded by learners), and the SCORM packager reads it from `dist/` for the launch page.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await loadCatalogue()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
