/// <reference types="astro/client" />

// For tools that type-check .ts files without Astro's language service (svelte-check).
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}

/** Set by astro.config.mjs: whether the build has an LRS to send xAPI statements to (`lrsConfigFrom`). */
declare const __LRS_CONFIGURED__: boolean;

/** The LRS the course sends xAPI statements to, if any (README, "Sending completion to an LRS"). */
interface ImportMetaEnv {
  readonly PUBLIC_LRS_ENDPOINT?: string;
  readonly PUBLIC_LRS_AUTH?: string;
  readonly PUBLIC_LRS_COURSE_IRI?: string;
}
