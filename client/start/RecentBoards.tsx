import { useState } from 'react'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { forgetBoard, listRecentBoards } from '../lib/recentBoards.ts'
import { boardPath, navigate } from '../lib/route.ts'

/** Boards this device opened before, newest first. */
export function RecentBoards() {
  const [boards, setBoards] = useState(listRecentBoards)
  if (boards.length === 0) return null
  const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className="card recent" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('recent-title')}</h2>
      <ul className="recent-list" data-testid="recent-boards">
        {boards.map((b) => (
          <li key={b.id}>
            <a
              href={boardPath(b.id)}
              onClick={(e) => {
                e.preventDefault()
                navigate(boardPath(b.id))
              }}
            >
              <span className="recent-name">{b.title || t('board-untitled')}</span>
              <span className="recent-meta">
                {t(`role-${b.role}` as MessageKey)} ·{' '}
                {t('recent-opened', format.format(b.lastOpened))}
              </span>
            </a>
            <button
              type="button"
              className="icon-button"
              aria-label={t('recent-forget', b.title || t('board-untitled'))}
              title={t('recent-forget', b.title || t('board-untitled'))}
              onClick={() => {
                forgetBoard(b.id)
                setBoards(listRecentBoards())
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
