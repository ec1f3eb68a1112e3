/// <reference types="astro/client" />

// For tools that type-check .ts files without Astro's language service (svelte-check).
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
