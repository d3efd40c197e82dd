/**
 * A board's first sync decodes a few hundred thousand short strings (every field's key and most
 * values), each through lib0's one TextDecoder. A call into the native decoder costs more than
 * the string: short ASCII strings are built in JavaScript instead, about four times faster,
 * and anything else (longer, or with a byte above 127) still goes to the decoder. ASCII decodes
 * the same either way, so what Yjs reads does not change. lib0 reads the decoder from its module
 * on every call, which is why giving that one object its own `decode` is enough.
 */
import { utf8TextDecoder } from 'lib0/string'

/** Longer strings are rare among keys and values, and the native decoder is quick on them. */
const SHORT = 128

export function installFastStrings(decoder: TextDecoder | null = utf8TextDecoder): void {
  if (!decoder || Object.hasOwn(decoder, 'decode')) return
  const native = decoder.decode.bind(decoder)
  decoder.decode = (input?: AllowSharedBufferSource, options?: TextDecodeOptions): string => {
    if (!(input instanceof Uint8Array) || input.length > SHORT || options) {
      return native(input, options)
    }
    for (let i = 0; i < input.length; i++) if (input[i]! > 127) return native(input)
    return String.fromCharCode.apply(null, input as unknown as number[])
  }
}
