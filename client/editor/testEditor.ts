/**
 * An editor over a bare Y.Doc for unit tests of actions and hit tests: no socket, no storage,
 * with the session's undo manager (local edits only) so tests can check what undo takes back.
 */
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { connectors, items, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { recordTypes, type ConnectorRecord, type Item } from '../../shared/schema/index.ts'
import { Store } from '../lib/store.ts'
import type { SessionStatus } from '../sync/connection.ts'
import type { BoardSession } from '../sync/session.ts'
import { Editor } from './editor.ts'

export function testEditor(): Editor {
  const doc = new Y.Doc()
  const status = new Store<SessionStatus>({
    connection: 'online',
    readOnly: false,
    loaded: true,
    newerSchema: false,
  })
  const undo = new Y.UndoManager([items(doc).map, connectors(doc).map], {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
  })
  const session = { doc, awareness: new Awareness(doc), status, undo } as unknown as BoardSession
  return new Editor(session, { id: 'u1', name: 'Ada', color: '#123456', role: 'facilitator' })
}

/** A record of `kind` with its defaults and `fields`. */
export const itemOf = <K extends Item['kind']>(
  kind: K,
  id: string,
  fields: Partial<Extract<Item, { kind: K }>> = {},
): Extract<Item, { kind: K }> =>
  ({ ...recordTypes[kind].defaults(), id, kind, ...fields }) as Extract<Item, { kind: K }>

export const arrowOf = (id: string, fields: Partial<ConnectorRecord> = {}): ConnectorRecord => ({
  ...recordTypes.connector.defaults(),
  id,
  kind: 'connector',
  ...fields,
})
