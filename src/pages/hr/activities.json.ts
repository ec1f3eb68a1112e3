import type { APIRoute } from 'astro';
import { loadCatalogue } from '../../data/catalogue.ts';

/**
 * `/hr/activities.json`: the catalogue the HR page's worker re-scores records against, as a static
 * file of the same origin, fetched only by that worker (so it is neither inlined into a page nor
 * loaded by learners).
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await loadCatalogue()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
