import { describe, expect, it } from 'vitest'
import { recordTypes, type ConnectorRecord } from '../../shared/schema/index.ts'
import { endPatches } from './connectorEnds.ts'

const boxes = new Map([
  ['a', { x: 0, y: 0, w: 100, h: 100 }],
  ['b', { x: 300, y: 0, w: 100, h: 100 }],
])
const arrow = (from: string | null, to: string | null): ConnectorRecord => ({
  id: 'c',
  kind: 'connector',
  ...recordTypes.connector.defaults(),
  from: { itemId: from, x: 0, y: 0 },
  to: { itemId: to, x: 0, y: 0 },
})

describe('connector ends', () => {
  it('stores attached ends where they are drawn, on the borders facing each other', () => {
    const patch = endPatches([arrow('a', 'b')], (id) => boxes.get(id)).get('c')!
    expect(patch.from).toEqual({ itemId: 'a', x: 104, y: 50 })
    expect(patch.to).toEqual({ itemId: 'b', x: 296, y: 50 })
  })

  it('leaves free ends and ends whose item is gone alone', () => {
    expect(endPatches([arrow(null, 'gone')], (id) => boxes.get(id)).size).toBe(0)
  })
})
