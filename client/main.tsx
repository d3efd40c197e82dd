import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { applyDocumentLocale } from './i18n/i18n.ts'
import { registerServiceWorker } from './lib/serviceWorker.ts'

applyDocumentLocale()
registerServiceWorker()
const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
