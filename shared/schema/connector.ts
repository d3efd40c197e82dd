import { z } from 'zod'
import {
  colorSchema,
  coordinate,
  idSchema,
  shortText,
  timestamp,
  type RecordType,
} from './common.ts'

/**
 * One end of a connector: attached to an item (post-it or frame) or a free point. An attached
 * end keeps the last point it was drawn at, so that if its item goes away the end stays there.
 */
export const connectorEndSchema = z.object({
  itemId: idSchema.nullable(),
  x: coordinate,
  y: coordinate,
})
export type ConnectorEnd = z.infer<typeof connectorEndSchema>

/** Process-map meaning of a connection (the seed's hearts, broken lines and question marks). */
export const CONNECTOR_MARKERS = ['none', 'heart', 'question'] as const
export const LINE_STYLES = ['solid', 'broken'] as const

/** An arrow between two ends. Lives in its own collection: it has no box of its own. */
export const connectorSchema = z.object({
  id: idSchema,
  kind: z.literal('connector'),
  from: connectorEndSchema,
  to: connectorEndSchema,
  line: z.enum(LINE_STYLES),
  arrowStart: z.boolean(),
  arrowEnd: z.boolean(),
  marker: z.enum(CONNECTOR_MARKERS),
  label: shortText(500),
  color: colorSchema.or(z.literal('black')),
  z: z.number().finite(),
  authorId: shortText(64),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type ConnectorRecord = z.infer<typeof connectorSchema>
export type ConnectorMarker = ConnectorRecord['marker']
export type LineStyle = ConnectorRecord['line']

export const connectorType: RecordType<'connector', ConnectorRecord> = {
  kind: 'connector',
  collection: 'connectors',
  access: { writers: 'anyone' },
  version: 1,
  schema: connectorSchema,
  defaults: () => ({
    from: { itemId: null, x: 0, y: 0 },
    to: { itemId: null, x: 100, y: 0 },
    line: 'solid',
    arrowStart: false,
    arrowEnd: true,
    marker: 'none',
    label: '',
    color: 'black',
    z: 0,
    authorId: '',
    createdAt: 0,
    updatedAt: 0,
  }),
  migrations: {},
  textFields: ['label'],
}
