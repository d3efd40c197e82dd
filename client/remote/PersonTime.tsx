/**
 * Lines for the people list: a person's local time ("14:05 in Berlin") and whether they are here
 * now; and the people seen on this device recently who are not here ("last active 3 h ago").
 */
import { useSyncExternalStore } from 'react'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { initials } from '../lib/identity.ts'
import { rememberedPeople } from './peopleMemory.ts'
import { formatTime, ownTimeZone, sinceParts, zoneCity } from './time.ts'

const IDLE_MS = 5 * 60_000

export function PersonTime({ editor, userId }: { editor: Editor; userId: string }) {
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.get)
  const mine = userId === editor.user.id
  const peer = peers.find((p) => p.user.id === userId)
  const zone = mine ? ownTimeZone() : peer?.timeZone
  // Connected but not touching anything for a while: say since when, not "here now".
  const idle =
    !mine && peer?.lastActive && Date.now() - peer.lastActive > IDLE_MS
      ? sinceParts(peer.lastActive)
      : null
  return (
    <span className="person-time" data-testid="person-time">
      {zone && t('time-in', formatTime(Date.now(), zone), zoneCity(zone))}
      {zone && ' · '}
      {idle ? t(`people-last-active-${idle.unit}` as MessageKey, idle.n) : t('people-here-now')}
    </span>
  )
}

export function RecentPeople({ editor, boardId }: { editor: Editor; boardId: string }) {
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.get)
  const here = new Set([editor.user.id, ...peers.map((p) => p.user.id)])
  const away = rememberedPeople(boardId).filter((p) => !here.has(p.id))
  if (away.length === 0) return null
  return (
    <>
      <h2>{t('people-recently')}</h2>
      <ul data-testid="people-recent">
        {away.map((p) => {
          const since = sinceParts(p.lastActive)
          return (
            <li key={p.id}>
              <span className="avatar avatar--small avatar--away" style={{ background: p.color }}>
                {initials(p.name)}
              </span>
              <span className="person-name">{p.name}</span>
              <span className="person-time">
                {p.timeZone &&
                  `${t('time-in', formatTime(Date.now(), p.timeZone), zoneCity(p.timeZone))} · `}
                {t(`people-last-active-${since.unit}` as MessageKey, since.n)}
              </span>
            </li>
          )
        })}
      </ul>
    </>
  )
}

/** "14:05 in Berlin": a time as someone in `zone` reads it, for a hover title; else undefined. */
export const theirTime = (ms: number, zone: string | undefined): string | undefined =>
  zone && zone !== ownTimeZone() ? t('time-in', formatTime(ms, zone), zoneCity(zone)) : undefined

/**
 * A time (a deadline) as the facilitator reads it, for a hover title beside the reader's own:
 * the zone of a facilitator here now; undefined for facilitators themselves or when none is here.
 */
export function facilitatorTime(editor: Editor, ms: number): string | undefined {
  if (editor.user.role === 'facilitator') return undefined
  const zone = editor.presence.get().find((p) => p.user.role === 'facilitator' && p.timeZone)
  return theirTime(ms, zone?.timeZone)
}
