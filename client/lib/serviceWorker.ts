/** Registers the app-shell service worker (client/public/sw.js) so boards open offline. */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; only offline reloads are lost.
    })
  })
}
