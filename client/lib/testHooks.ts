/// <reference types="vite/client" />
/**
 * Whether this build carries the hooks end-to-end tests and the canvas bench read the page
 * through (`window.__board`, `window.__canvas`): only `vite build --mode e2e`. A constant, so that
 * production builds leave the hooks out altogether.
 */
export const TEST_HOOKS: boolean = import.meta.env.MODE === 'e2e'
