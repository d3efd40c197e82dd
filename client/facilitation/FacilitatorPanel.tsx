/** The facilitator's controls: agenda and timer, phases, voting rounds, the room, the links. */
import { useState } from 'react'
import { t } from '../i18n/i18n.ts'
import type { Editor } from '../editor/editor.ts'
import type { FacilitationClient } from './facilitationClient.ts'
import { AgendaSection } from './AgendaSection.tsx'
import { LinksSection } from './LinksSection.tsx'
import { RoomSection } from './RoomSection.tsx'
import { VotingSection } from './VotingSection.tsx'

type Tab = 'agenda' | 'voting' | 'room' | 'links'

export function FacilitatorPanel({
  editor,
  fac,
  onClose,
}: {
  editor: Editor
  fac: FacilitationClient
  onClose: () => void
}) {
  const [tab, setTab] = useState<Tab>('agenda')
  return (
    <aside className="fac-panel" aria-label={t('fac-panel')} data-testid="facilitation-panel">
      <header className="fac-panel-head">
        <div role="tablist" className="fac-tabs">
          {(['agenda', 'voting', 'room', 'links'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={`fac-tab${tab === id ? ' fac-tab--on' : ''}`}
              onClick={() => setTab(id)}
              data-testid={`fac-tab-${id}`}
            >
              {t(`fac-tab-${id}`)}
            </button>
          ))}
        </div>
        <button type="button" className="fac-icon-button" onClick={onClose} title={t('close')}>
          ×
        </button>
      </header>
      {tab === 'agenda' && <AgendaSection editor={editor} fac={fac} />}
      {tab === 'voting' && <VotingSection editor={editor} fac={fac} />}
      {tab === 'room' && <RoomSection editor={editor} fac={fac} />}
      {tab === 'links' && <LinksSection editor={editor} boardId={editor.session.options.boardId} />}
    </aside>
  )
}
