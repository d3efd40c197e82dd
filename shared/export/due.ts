/**
 * Due times as the exports print them: in the zone they were set in, with the zone and its
 * offset named, so that a reader anywhere knows when; and a UTC stamp for sorting tables.
 */

/** A zone Intl knows, else null (a typo or a zone this runtime lacks). */
function knownZone(zone: string): string | null {
  if (zone === '') return null
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return zone
  } catch {
    return null
  }
}

/** "2026-12-11 17:00 Europe/Berlin (UTC+01:00)", or "2026-12-11 16:00 UTC". */
export function formatDue(ms: number, zone: string): string {
  const timeZone = knownZone(zone) ?? 'UTC'
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  const when = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
  if (timeZone === 'UTC') return `${when} UTC`
  const offset = get('timeZoneName').replace(/^GMT/, 'UTC') || 'UTC'
  return `${when} ${timeZone} (${offset === 'UTC' ? 'UTC+00:00' : offset})`
}

/** "2026-12-11T16:00Z": sorts as text in the same order as in time. */
export const utcStamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z'
