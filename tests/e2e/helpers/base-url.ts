/** The e2e server's origin; tests/run.ts exports E2E_PORT to Playwright and its workers. */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4329}`;
