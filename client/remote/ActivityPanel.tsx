/**
 * The activity feed: who added or changed what and when, as the server recorded it, grouped by
 * poster or by person, filterable by both; an entry brings the view to its record.
 */
import { useCallback, useEffect, useState } from 'react'
import type { ActivityEntry } from '../../shared/history/types.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import type { BoardApi } from './api.ts'
import type { RememberedPerson } from './peopleMemory.ts'
import { formatTime, zoneCity } from './time.ts'
import { boxOfRecord, recordLabel, showBox } from './walk.ts'

const REFRESH_MS = 15_000

type GroupBy = 'poster' | 'person'

export function ActivityPanel({
  editor,
  api,
  people,
}: {
  editor: Editor
  api: BoardApi
  people: RememberedPerson[]
}) {
  const [entries, setEntries] = useState<ActivityEntry[]>([])
  const [error, setError] = useState<string | null>(null)
  const [groupBy, setGroupBy] = useState<GroupBy>('poster')
  const [person, setPerson] = useState('')
  const [poster, setPoster] = useState('')
  const load = useCallback(() => {
    api.activity().then(
      (list) => {
        setEntries(list)
        setError(null)
      },
      (err: Error) => setError(err.message),
    )
  }, [api])
  useEffect(() => {
    load()
    const timer = setInterval(load, REFRESH_MS)
    return () => clearInterval(timer)
  }, [load])

  const posterName = (id: string | null) => {
    if (!id) return t('activity-open-canvas')
    const frame = editor.items.get(id)
    return frame?.kind === 'frame'
      ? frame.title || t('activity-untitled-poster')
      : t('activity-gone-poster')
  }
  const personName = (e: ActivityEntry) =>
    e.name || (e.personId ? e.personId.slice(0, 6) : t('activity-someone'))
  const persons = [...new Map(entries.map((e) => [e.personId ?? '', personName(e)])).entries()]
  const posters = [...new Set(entries.map((e) => e.frameId ?? ''))]
  const shown = entries
    .filter(
      (e) =>
        (!person || (e.personId ?? '') === person) && (!poster || (e.frameId ?? '') === poster),
    )
    .reverse()
  const groups = new Map<string, ActivityEntry[]>()
  for (const e of shown) {
    const key = groupBy === 'poster' ? posterName(e.frameId) : personName(e)
    groups.set(key, [...(groups.get(key) ?? []), e])
  }
  return (
    <div className="remote-section" data-testid="activity-panel">
      <div className="remote-filters">
        <label>
          {t('activity-group-by')}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="poster">{t('activity-by-poster')}</option>
            <option value="person">{t('activity-by-person')}</option>
          </select>
        </label>
        <label>
          {t('activity-person')}
          <select
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            data-testid="activity-person"
          >
            <option value="">{t('activity-everyone')}</option>
            {persons.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity-poster')}
          <select value={poster} onChange={(e) => setPoster(e.target.value)}>
            <option value="">{t('activity-all-posters')}</option>
            {posters.map((id) => (
              <option key={id} value={id}>
                {posterName(id || null)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link-button" onClick={load}>
          {t('activity-refresh')}
        </button>
      </div>
      {error && <p className="remote-error">{error}</p>}
      {shown.length === 0 && !error && <p className="remote-empty">{t('activity-none')}</p>}
      {[...groups].map(([group, list]) => (
        <section key={group} className="activity-group">
          <h3>{group}</h3>
          <ul>
            {list.map((e) => {
              const box = e.kind === 'deleted' ? null : boxOfRecord(editor, e.recordId)
              const zone = people.find((p) => p.id === e.personId)?.timeZone
              return (
                <li key={e.id}>
                  <button
                    type="button"
                    className="activity-entry"
                    disabled={!box}
                    onClick={() => {
                      if (!box) return
                      showBox(editor, box)
                      editor.select([e.recordId])
                    }}
                    data-testid="activity-entry"
                  >
                    <span className="activity-what">
                      {t(
                        `activity-${e.kind}` as MessageKey,
                        personName(e),
                        kindName(e.recordKind),
                        recordLabel(editor, e.recordId) || t('activity-gone-record'),
                      )}
                    </span>
                    <time
                      dateTime={new Date(e.at).toISOString()}
                      title={
                        zone ? t('time-in', formatTime(e.at, zone), zoneCity(zone)) : undefined
                      }
                    >
                      {formatTime(e.at)}
                      {e.count > 1 ? ` · ${t('activity-edits', e.count)}` : ''}
                    </time>
                  </button>
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}

const kindName = (kind: string) =>
  ['note', 'frame', 'label', 'connector', 'comment'].includes(kind)
    ? t(`activity-kind-${kind}` as MessageKey)
    : kind
