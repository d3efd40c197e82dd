/**
 * The structured notes beside the canvas: session setup, the five sections, poster takeaways and
 * scribe notes. Everything here is in the document, so everyone edits the same notes.
 */
import { useState } from 'react'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { ScribeTab } from './ScribeTab.tsx'
import { SectionsTab } from './SectionsTab.tsx'
import { SetupTab } from './SetupTab.tsx'
import { TakeawaysTab } from './TakeawaysTab.tsx'

type Tab = 'setup' | 'notes' | 'takeaways' | 'scribe'
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'setup', label: 'notes-tab-setup' },
  { id: 'notes', label: 'notes-tab-notes' },
  { id: 'takeaways', label: 'notes-tab-takeaways' },
  { id: 'scribe', label: 'notes-tab-scribe' },
]

export function NotesPanel({
  editor,
  readOnly,
  onClose,
}: {
  editor: Editor
  readOnly: boolean
  onClose: () => void
}) {
  const [tab, setTab] = useState<Tab>('notes')
  return (
    <aside
      className="notes-panel"
      aria-label={t('notes')}
      data-testid="notes-panel"
      // Keys typed here are for the fields, not the canvas shortcuts.
      onKeyDown={(e) => e.stopPropagation()}
      onPointerDown={(e) => e.stopPropagation()}
    >
      <header className="notes-header">
        <div className="notes-tabs" role="tablist">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`notes-tab-button${tab === id ? ' notes-tab-button--on' : ''}`}
              data-testid={`notes-tab-${id}`}
              onClick={() => setTab(id)}
            >
              {t(label)}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="notes-body" role="tabpanel">
        {tab === 'setup' && <SetupTab editor={editor} readOnly={readOnly} />}
        {tab === 'notes' && <SectionsTab editor={editor} readOnly={readOnly} />}
        {tab === 'takeaways' && <TakeawaysTab editor={editor} readOnly={readOnly} />}
        {tab === 'scribe' && <ScribeTab editor={editor} readOnly={readOnly} />}
      </div>
    </aside>
  )
}
