import { connectors, LOCAL_ORIGIN, topZ } from '../../shared/doc/index.ts'
import {
  newId,
  recordTypes,
  type ConnectorEnd,
  type ConnectorRecord,
} from '../../shared/schema/index.ts'
import { endPatches } from '../editor/connectorEnds.ts'
import { defineAction } from './registry.ts'

export type ConnectorStylePatch = Partial<
  Pick<ConnectorRecord, 'line' | 'arrowStart' | 'arrowEnd' | 'marker' | 'label' | 'color'>
>

/**
 * An arrow from one end to the other (each on an item or a free point), on top of everything,
 * selected so that its style can be set next.
 */
export const createConnector = defineAction<{
  from: ConnectorEnd
  to: ConnectorEnd
  style?: ConnectorStylePatch
}>({
  id: 'createConnector',
  label: 'action-create-connector',
  mutates: true,
  perform(editor, { from, to, style }) {
    const now = Date.now()
    const record: ConnectorRecord = {
      id: newId(),
      kind: 'connector',
      ...recordTypes.connector.defaults(),
      ...style,
      from: { ...from, x: Math.round(from.x), y: Math.round(from.y) },
      to: { ...to, x: Math.round(to.x), y: Math.round(to.y) },
      z: topZ(editor.doc) + 1,
      authorId: editor.user.id,
      createdAt: now,
      updatedAt: now,
    }
    // Store the attached ends where they are drawn, so a deleted item leaves them in place.
    const patch = endPatches([record], editor.items.get).get(record.id)
    connectors(editor.doc).add([{ ...record, ...patch } as ConnectorRecord], LOCAL_ORIGIN)
    editor.select([record.id])
  },
})
