import * as decoding from 'lib0/decoding'
import type { Awareness } from 'y-protocols/awareness'
import { MESSAGE_AWARENESS } from '../../shared/protocol/messages.ts'

/**
 * Whether a presence frame only echoes what the server already holds: stock y-websocket clients
 * send every presence change they receive back to the server, so in a busy room most presence
 * frames are echoes. Each entry is someone else's client id at a clock the server has seen.
 * Such frames change nothing; they are dropped before they cost any budget. False for anything
 * else (a garbled frame included: the room refuses that).
 */
export function isPresenceEcho(
  frame: Uint8Array,
  awareness: Awareness,
  own: ReadonlySet<number>,
): boolean {
  try {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return false
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    if (decoding.hasContent(decoder)) return false
    const count = decoding.readVarUint(update)
    if (count === 0) return false
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(update)
      const clock = decoding.readVarUint(update)
      decoding.readVarUint8Array(update) // the state, as a length-prefixed string
      if (own.has(client)) return false
      if (clock > (awareness.meta.get(client)?.clock ?? -1)) return false
    }
    return !decoding.hasContent(update)
  } catch {
    return false
  }
}
