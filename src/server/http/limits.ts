/** Largest request body we read (astro.config.mjs and the launcher share it); 413 above it. */
export const BODY_SIZE_LIMIT = 4 * 1024 * 1024;
