/** Scribe notes of the plenary or of one poster, chosen here; one editor per scope. */
import { useState } from 'react'
import { items } from '../../shared/doc/index.ts'
import { posters } from '../../shared/export/picture.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { ScribeEditor } from './ScribeEditor.tsx'
import { useDocValue } from './useDoc.ts'

export function ScribeTab({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const frames = useDocValue(
    () => [items(editor.doc).map],
    () => posters(editor.doc).map((f) => ({ id: f.id, title: f.title })),
  )
  const [scope, setScope] = useState('plenary')
  return (
    <div className="notes-tab notes-tab--scribe" data-testid="notes-scribe">
      <label className="notes-field notes-field--inline">
        <span>{t('scribe-scope')}</span>
        <select
          className="text-input"
          value={scope}
          data-testid="scribe-scope"
          onChange={(e) => setScope(e.target.value)}
        >
          <option value="plenary">{t('scribe-plenary')}</option>
          {frames.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title.trim() || t('frame-untitled')}
            </option>
          ))}
        </select>
      </label>
      <p className="notes-hint">{t('scribe-hint')}</p>
      <ScribeEditor key={scope} editor={editor} scope={scope} readOnly={readOnly} />
    </div>
  )
}
