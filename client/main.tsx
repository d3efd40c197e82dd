import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { openEarly } from './board/earlyOpen.ts'
import { applyDocumentLocale } from './i18n/i18n.ts'
import { parseRoute } from './lib/route.ts'
import { registerServiceWorker } from './lib/serviceWorker.ts'

applyDocumentLocale()
registerServiceWorker()
// A board link connects before the page is rendered (board/earlyOpen.ts).
const route = parseRoute(location.pathname)
if (route.page === 'board') openEarly(route.boardId)
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
