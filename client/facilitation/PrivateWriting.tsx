/**
 * A participant's private post-its while private writing is on: written here, seen by nobody
 * else until the facilitator reveals them all, then they appear on the board.
 */
import { useState } from 'react'
import { topZ } from '../../shared/doc/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { currentView } from './camera.ts'
import type { PrivateNotes } from './privateNotes.ts'

export function PrivateWriting({
  editor,
  notes,
  frameId,
}: {
  editor: Editor
  notes: PrivateNotes
  frameId: string | null
}) {
  const { notes: mine } = useStore(notes.state, (s) => s)
  const [text, setText] = useState('')
  const add = () => {
    if (!text.trim()) return
    // In the middle of what this person sees, each next one a step right: readable on reveal.
    const v = currentView(editor)
    const step = mine.length % 4
    const row = Math.floor(mine.length / 4)
    const at = { x: v.x + v.w / 2 + step * 180, y: v.y + v.h / 2 + row * 180 }
    const z = Math.max(topZ(editor.doc), ...mine.map((n) => n.z)) + 1
    notes.add(text.trim(), at, frameId, z)
    setText('')
  }
  return (
    <section
      className="fac-private"
      data-testid="private-writing"
      aria-label={t('fac-private-title')}
    >
      <h3>
        {t('fac-private-title')}{' '}
        <span className="badge fac-badge-private">{t('fac-private-badge')}</span>
      </h3>
      <p className="fac-muted">{t('fac-private-hint')}</p>
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('fac-private-placeholder')}
        aria-label={t('fac-private-placeholder')}
        maxLength={5000}
        rows={3}
        data-testid="private-text"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add()
        }}
      />
      <button type="button" className="button" onClick={add} data-testid="private-add">
        {t('fac-private-add')}
      </button>
      <ul className="fac-private-notes">
        {mine.map((n) => (
          <li key={n.id} className="fac-private-note" data-testid="private-note">
            <span className="badge fac-badge-private">{t('fac-private-badge')}</span> {n.text}
            <button type="button" className="fac-small" onClick={() => notes.remove(n.id)}>
              {t('fac-remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
