/** Board title, connection and save status, people and sharing. */
import { useEffect, useState, useSyncExternalStore } from 'react'
import { readMeta, metaMap } from '../../shared/doc/index.ts'
import { renameBoard } from '../actions/renameBoard.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { Icon } from './icons.tsx'
import { People } from './People.tsx'
import { StatusIndicator } from './StatusIndicator.tsx'

export function useBoardTitle(editor: Editor): string {
  return useSyncExternalStore(
    (cb) => {
      const map = metaMap(editor.doc)
      map.observe(cb)
      return () => map.unobserve(cb)
    },
    () => readMeta(editor.doc).title,
  )
}

/** The element id where other layers put their top-bar controls (through a portal). */
export const TOPBAR_SLOT = 'topbar-slot'

interface Props {
  editor: Editor
  readOnly: boolean
  onShare: () => void
  onRename: () => void
  onExport?: () => void
  notesOpen?: boolean
  onToggleNotes?: () => void
}

export function TopBar({
  editor,
  readOnly,
  onShare,
  onRename,
  onExport,
  notesOpen,
  onToggleNotes,
}: Props) {
  const title = useBoardTitle(editor)
  const canRename = !readOnly && editor.user.role === 'facilitator'
  return (
    <header className="topbar">
      <a className="brand" href="/" title={t('start-title')}>
        <span className="brand-mark" aria-hidden="true" />
      </a>
      {canRename ? (
        <TitleInput title={title} onCommit={(v) => editor.run(renameBoard, v)} />
      ) : (
        <h1 className="board-title" data-testid="board-title">
          {title || t('board-untitled')}
        </h1>
      )}
      {readOnly && <span className="badge">{t('badge-read-only')}</span>}
      <StatusIndicator session={editor.session} />
      <div className="topbar-spacer" />
      {/* Controls of the board's layers that belong in the bar, not over the canvas. */}
      <div className="topbar-slot" id={TOPBAR_SLOT} />
      <People editor={editor} onRename={onRename} />
      {onToggleNotes && (
        <button
          type="button"
          className={`button button--secondary${notesOpen ? ' button--pressed' : ''}`}
          aria-pressed={notesOpen}
          onClick={onToggleNotes}
          data-testid="notes-toggle"
        >
          {t('notes')}
        </button>
      )}
      {onExport && (
        <button
          type="button"
          className="button button--secondary"
          onClick={onExport}
          data-testid="export"
        >
          {t('export')}
        </button>
      )}
      <button type="button" className="button" onClick={onShare} data-testid="share">
        <Icon name="share" size={16} />
        {t('share')}
      </button>
    </header>
  )
}

function TitleInput({ title, onCommit }: { title: string; onCommit: (v: string) => void }) {
  const [value, setValue] = useState(title)
  const [focused, setFocused] = useState(false)
  useEffect(() => {
    if (!focused) setValue(title)
  }, [title, focused])
  return (
    <input
      className="board-title board-title--editable"
      data-testid="board-title"
      value={value}
      placeholder={t('board-untitled')}
      aria-label={t('board-title-label')}
      maxLength={200}
      onFocus={() => setFocused(true)}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => {
        setFocused(false)
        if (value !== title) onCommit(value)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur()
      }}
    />
  )
}
