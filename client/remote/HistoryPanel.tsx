/**
 * Named versions: the facilitator saves them; anyone browses the timeline, opens a version
 * read-only in a separate document and sees what differs from now; the facilitator restores the
 * whole version or one record, as a new change everyone receives.
 */
import { useCallback, useEffect, useState } from 'react'
import type { DiffEntry } from '../../shared/history/restore.ts'
import type { VersionInfo } from '../../shared/history/types.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import type { BoardApi } from './api.ts'
import { formatTime } from './time.ts'
import { closeVersion, showVersion, useOpenVersion } from './versionView.ts'
import { boxOfRecord, showBox } from './walk.ts'

export function HistoryPanel({ editor, api }: { editor: Editor; api: BoardApi }) {
  const facilitator = editor.user.role === 'facilitator'
  const [versions, setVersions] = useState<VersionInfo[]>([])
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState<{ version: VersionInfo; diff: DiffEntry[] } | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const load = useCallback(() => {
    api.versions().then(setVersions, (err: Error) => setError(err.message))
  }, [api])
  useEffect(load, [load])

  const save = async () => {
    try {
      await api.saveVersion(name.trim(), editor.user.name)
      setName('')
      load()
    } catch (err) {
      setError((err as Error).message)
    }
  }
  // Opening a version draws it on the canvas, read-only, in the board's place (versionView.ts).
  const openVersion = async (version: VersionInfo) => {
    try {
      const update = await api.versionState(version.id)
      const shown = showVersion(
        editor,
        version,
        update,
        facilitator ? (v) => void restore(v) : null,
      )
      setOpen({ version, diff: shown.diff })
      setNotice(null)
    } catch (err) {
      setError((err as Error).message)
    }
  }
  const restore = async (version: VersionInfo, ids?: string[]) => {
    if (!ids && !window.confirm(t('history-restore-confirm', version.name))) return
    try {
      const result = await api.restore(version.id, ids)
      await openVersion(version)
      setNotice(
        t('history-restored', result.added.length + result.removed.length + result.changed.length),
      )
      // The whole board is as it was then: show it as it is now.
      if (!ids) closeVersion(editor)
    } catch (err) {
      setError((err as Error).message)
    }
  }

  return (
    <div className="remote-section" data-testid="history-panel">
      {facilitator && (
        <form
          className="history-save"
          onSubmit={(e) => {
            e.preventDefault()
            if (name.trim()) void save()
          }}
        >
          <input
            className="text-input"
            value={name}
            maxLength={120}
            placeholder={t('history-name-placeholder')}
            aria-label={t('history-name')}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.stopPropagation()}
            data-testid="history-name"
          />
          <button
            type="submit"
            className="button"
            disabled={!name.trim()}
            data-testid="history-save"
          >
            {t('history-save')}
          </button>
        </form>
      )}
      {error && <p className="remote-error">{error}</p>}
      {versions.length === 0 && <p className="remote-empty">{t('history-none')}</p>}
      <ol className="history-timeline">
        {[...versions].reverse().map((v) => (
          <li key={v.id} className={open?.version.id === v.id ? 'history-current' : ''}>
            <button
              type="button"
              className="history-version"
              onClick={() => void openVersion(v)}
              data-testid="history-version"
            >
              <strong>{v.name}</strong>
              <span>
                {formatTime(v.createdAt)}
                {v.createdBy ? ` · ${v.createdBy}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {open && (
        <div className="history-diff" data-testid="history-diff">
          <h3>{t('history-differs', open.version.name)}</h3>
          {notice && <p className="remote-hint">{notice}</p>}
          {open.diff.length === 0 ? (
            <p className="remote-empty">{t('history-same')}</p>
          ) : (
            <ul>
              {open.diff.map((d) => (
                <DiffRow
                  key={d.id}
                  editor={editor}
                  entry={d}
                  onRestore={facilitator ? () => void restore(open.version, [d.id]) : null}
                />
              ))}
            </ul>
          )}
          {facilitator && open.diff.length > 0 && (
            <button
              type="button"
              className="button"
              onClick={() => void restore(open.version)}
              data-testid="history-restore"
            >
              {t('history-restore-all')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}

function DiffRow({
  editor,
  entry,
  onRestore,
}: {
  editor: Editor
  entry: DiffEntry
  onRestore: (() => void) | null
}) {
  const rec = entry.then ?? entry.now
  const label = rec ? labelOf(rec as unknown as Record<string, unknown>) : entry.id
  // While a version is on the canvas, show the record there (as it was); else on the board.
  const past = useOpenVersion(editor)?.editor
  const target = past ?? editor
  const box = (past ? entry.then : entry.now) ? boxOfRecord(target, entry.id) : null
  return (
    <li className={`history-row history-row--${entry.status}`}>
      <span className="history-status">{t(`history-${entry.status}` as MessageKey)}</span>
      <button
        type="button"
        className="link-button"
        disabled={!box}
        onClick={() => box && showBox(target, box)}
      >
        {label || entry.id}
      </button>
      {onRestore && entry.then && (
        <button type="button" className="link-button" onClick={onRestore}>
          {t('history-restore-one')}
        </button>
      )}
    </li>
  )
}

function labelOf(rec: Record<string, unknown>): string {
  const text = [rec.text, rec.title, rec.label, rec.name].find((v) => typeof v === 'string' && v)
  const line = String(text ?? rec.kind ?? '').split('\n')[0]!
  return line.length > 48 ? `${line.slice(0, 47)}…` : line
}
