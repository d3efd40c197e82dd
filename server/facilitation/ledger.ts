/**
 * The authoritative dots of a board's voting rounds live in the store's vote ledger
 * (BoardStore.votes), never sent to clients as they are; what the board shows is derived from
 * them (voting.ts).
 */
export type { LedgerDot } from '../persistence/store.ts'
