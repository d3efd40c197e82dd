/**
 * Message types on the board's WebSocket. 0–3 are the standard y-websocket ones, so that any
 * stock WebsocketProvider can join; the rest are ours and are only sent to clients that ask.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
/**
 * Server → client: "everything up to this state vector is stored". Payload: a Yjs state vector.
 * Sent only to connections that opened with `?acks=1`.
 */
export const MESSAGE_SAVED = 100
/**
 * Clock sync. Client → server: float64 client send time. Server → client: float64 the same client
 * time, float64 the server's time. Only ever sent in answer, so stock clients never see it.
 */
export const MESSAGE_TIME = 101
/**
 * Dot voting. Client → server: a JSON string {op: 'place'|'remove'|'mine', roundId, itemId?}.
 * The server answers with MESSAGE_MY_VOTES: JSON {roundId, dots: [{id, itemId}], left, error?}.
 */
export const MESSAGE_VOTE = 102
export const MESSAGE_MY_VOTES = 103

/** WebSocket close codes the server uses. */
export const CLOSE_UNAUTHORIZED = 4401
export const CLOSE_FORBIDDEN = 4403
export const CLOSE_MALFORMED = 4400
export const CLOSE_NOT_FOUND = 4404
export const CLOSE_SHUTTING_DOWN = 4503
/**
 * The client read too slowly and the server stopped queueing for it: reconnect, and the sync by
 * state vector brings what it missed. Outside 4400–4499, so clients reconnect.
 */
export const CLOSE_BEHIND = 4508
/** The link was rotated (replaced by a new one) or has expired. */
export const CLOSE_LINK_REVOKED = 4410
/**
 * Larger than the server accepts in one message: a presence (awareness) frame, or an update with
 * more items or deletions than one edit makes (UPDATE_LIMITS).
 */
export const CLOSE_CONTENT_TOO_LARGE = 4413
/**
 * Most items and delete ranges one update may hold: above what a person's edits make (2,000
 * post-its pasted at once are 10,000 items; clearing 2,000 post-its that were each edited a few
 * times deletes up to 20,000 ranges), and small enough that decoding and applying one update
 * holds the server's event loop for about 10 ms.
 */
export const UPDATE_LIMITS = { structs: 10_000, deleteRanges: 30_000 }
/** Too many messages or bytes per second, or too many sockets from one address. */
export const CLOSE_RATE_LIMITED = 4429
/** ws closes with 1009 itself when a message exceeds maxPayload. */
export const CLOSE_TOO_LARGE = 1009

export type Role = 'facilitator' | 'participant' | 'viewer'
export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']
