import { CLOSE_FORBIDDEN, CLOSE_MALFORMED } from '../../shared/protocol/messages.ts'

/** Something a client sent that ends its connection with `code`; the room stays as it was. */
export class ProtocolError extends Error {
  override name = 'ProtocolError'
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message)
  }
}

export const malformed = (message: string) => new ProtocolError(CLOSE_MALFORMED, message)
export const forbidden = (message: string) => new ProtocolError(CLOSE_FORBIDDEN, message)

export class BoardNotFoundError extends Error {
  override name = 'BoardNotFoundError'
}
