/** What the top bar says about the link to the server (scope: session). */
export type ConnectionState =
  | 'connecting'
  | 'online'
  | 'reconnecting'
  | 'offline'
  /** 4401: the link's token is not valid; we stopped trying. */
  | 'invalid'

export interface SessionStatus {
  connection: ConnectionState
  /** The server refused an edit (4403) or the link is a viewer link. */
  readOnly: boolean
  /** Whether the board has had its first sync (from the server or the local copy). */
  loaded: boolean
  /** The stored document is from a newer app version: shown read-only. */
  newerSchema: boolean
}
