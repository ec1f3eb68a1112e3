/// <reference types="astro/client" />

// For tools that type-check .ts files without Astro's language service (svelte-check).
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
