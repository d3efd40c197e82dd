/**
 * The board's links: copy them, give one an expiry date, or replace it (rotate). Replacing a
 * link disconnects everyone who joined with the old one within seconds; replacing one's own
 * facilitator link reopens this page with the new one.
 */
import { useEffect, useMemo, useState } from 'react'
import { ROLES, type Role } from '../../shared/protocol/messages.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { saveLinks } from '../lib/links.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { LinksApi, type BoardLinkInfos } from './linksApi.ts'

/** A date and time in the reader's own timezone, with the zone: expiry can be weeks away. */
const localDateTime = (ms: number) =>
  new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }).format(new Date(ms)) + ` (${Intl.DateTimeFormat().resolvedOptions().timeZone})`

/** Participants first: theirs is the link handed out most. */
const ORDER: readonly Role[] = ['participant', 'viewer', 'facilitator']

export function LinksSection({ editor, boardId }: { editor: Editor; boardId: string }) {
  const token = editor.session.options.token
  const api = useMemo(() => new LinksApi(boardId, token), [boardId, token])
  const [links, setLinks] = useState<BoardLinkInfos | null>(null)
  const [error, setError] = useState<string | null>(null)

  const adopt = (next: BoardLinkInfos) => {
    setLinks(next)
    setError(null)
    saveLinks(boardId, {
      facilitator: next.facilitator.link,
      participant: next.participant.link,
      viewer: next.viewer.link,
    })
    // Our own link was replaced: this page's socket is closed; reopen it with the new one.
    if (next.facilitator.token !== token) {
      location.replace(next.facilitator.link)
      location.reload()
    }
  }
  const run = (action: Promise<BoardLinkInfos>) =>
    action.then(adopt, (err: unknown) => setError((err as Error).message))

  useEffect(() => {
    void run(api.list())
    // Only on opening the tab (and for another board).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api])

  if (!links)
    return (
      <div className="fac-section">
        <p className="fac-muted">{error ? t('fac-links-error', error) : t('fac-links-loading')}</p>
      </div>
    )
  return (
    <div className="fac-section" data-testid="links-section">
      <p className="fac-muted">{t('fac-links-intro')}</p>
      {error && (
        <p className="fac-error" role="alert">
          {t('fac-links-error', error)}
        </p>
      )}
      {ORDER.filter((r) => ROLES.includes(r)).map((role) => (
        <LinkRow
          key={role}
          role={role}
          info={links[role]}
          onRotate={() => run(api.rotate(role))}
          onExpiry={(at) => run(api.setExpiry(role, at))}
        />
      ))}
    </div>
  )
}

function LinkRow({
  role,
  info,
  onRotate,
  onExpiry,
}: {
  role: Role
  info: BoardLinkInfos[Role]
  onRotate: () => void
  onExpiry: (at: number | null) => void
}) {
  const [confirming, setConfirming] = useState(false)
  const [date, setDate] = useState('')
  const expiresAt = info.expiresAt ? Date.parse(info.expiresAt) : null
  const expired = expiresAt !== null && expiresAt <= Date.now()
  return (
    <div className="fac-link-row" data-testid={`link-${role}`}>
      <CopyField label={t(`link-${role}`)} value={info.link} testId={`link-${role}-value`} />
      <p className={`fac-muted${expired ? ' fac-error' : ''}`} data-testid={`link-${role}-expiry`}>
        {expiresAt === null
          ? t('fac-links-no-expiry')
          : expired
            ? t('fac-links-expired', localDateTime(expiresAt))
            : t('fac-links-expires', localDateTime(expiresAt))}
      </p>
      <div className="fac-row">
        <label>
          {t('fac-links-expiry-label')}{' '}
          <input
            type="datetime-local"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid={`link-${role}-date`}
          />
        </label>
        <button
          type="button"
          className="button button--secondary"
          disabled={!date}
          onClick={() => onExpiry(new Date(date).getTime())}
          data-testid={`link-${role}-set-expiry`}
        >
          {t('fac-links-set-expiry')}
        </button>
        {expiresAt !== null && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onExpiry(null)}
            data-testid={`link-${role}-clear-expiry`}
          >
            {t('fac-links-clear-expiry')}
          </button>
        )}
      </div>
      <div className="fac-row">
        {confirming ? (
          <>
            <span className="fac-grow">
              {t(role === 'facilitator' ? 'fac-links-rotate-own' : 'fac-links-rotate-confirm')}
            </span>
            <button
              type="button"
              className="button fac-danger"
              onClick={() => {
                setConfirming(false)
                onRotate()
              }}
              data-testid={`link-${role}-rotate-yes`}
            >
              {t('fac-links-rotate-yes')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setConfirming(false)}
            >
              {t('fac-links-cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(true)}
            data-testid={`link-${role}-rotate`}
          >
            {t('fac-links-rotate')}
          </button>
        )}
      </div>
    </div>
  )
}
