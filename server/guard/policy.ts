/**
 * Who may change what. Pure: a role, the paths an update touches (from touchedPaths) and the
 * document as it is now in, a verdict out. Facilitators may change anything; everyone else may
 * not touch facilitation state, what only the server writes, the facilitator-only fields of
 * items, or items a facilitator has locked. Private rooms (a person's post-its during private
 * writing) hold post-its and nothing else.
 */
import type * as Y from 'yjs'
import { FACILITATOR_ROOTS, itemsMap, SERVER_ROOTS } from '../../shared/doc/index.ts'
import type { Role } from '../../shared/protocol/messages.ts'
import { touchedPaths, UnresolvableUpdate, type DocPath } from './update-paths.ts'

export type RoomKind = 'board' | 'private'
export type Verdict = { ok: true } | { ok: false; reason: string }

const OK: Verdict = { ok: true }
const refuse = (reason: string): Verdict => ({ ok: false, reason })

/** Item fields only a facilitator sets. */
const FACILITATOR_FIELDS: readonly string[] = ['locked', 'hidden']

export function checkPaths(
  role: Role,
  paths: readonly DocPath[],
  doc: Y.Doc,
  kind: RoomKind = 'board',
): Verdict {
  if (role === 'viewer') return refuse('viewers cannot change the board')
  if (role === 'facilitator' && kind === 'board') return OK
  const items = itemsMap(doc)
  for (const path of paths) {
    const root = path[0] ?? null
    if (kind === 'private' && root !== 'items')
      return refuse(`a private room holds post-its only, not ${String(root)}`)
    if (root !== null && FACILITATOR_ROOTS.includes(root))
      return refuse(`only facilitators change ${root}`)
    if (root !== null && SERVER_ROOTS.includes(root))
      return refuse(`${root} is written by the server`)
    if (root !== 'items') continue
    const id = path[1]
    const field = path[2]
    if (typeof field === 'string' && FACILITATOR_FIELDS.includes(field))
      return refuse(`only facilitators change ${field}`)
    if (typeof id === 'string' && items.get(id)?.get('locked') === true)
      return refuse(`item ${id} is locked`)
  }
  return OK
}

/** checkPaths for a raw update; an update we cannot place is refused, never guessed at. */
export function checkUpdate(
  role: Role,
  doc: Y.Doc,
  update: Uint8Array,
  kind: RoomKind = 'board',
): Verdict {
  if (role === 'facilitator' && kind === 'board') return OK
  let paths: DocPath[]
  try {
    paths = touchedPaths(doc, update)
  } catch (err) {
    if (err instanceof UnresolvableUpdate) return refuse(err.message)
    throw err
  }
  return checkPaths(role, paths, doc, kind)
}
