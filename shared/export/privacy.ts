/**
 * People choose whether exports name them. Every renderer gets authors through here, so an id
 * that is not in `namedAuthors` can never leave the board in a text export.
 */
import type * as Y from 'yjs'
import { people } from '../doc/index.ts'

export type NamedAuthors = ReadonlySet<string> | 'all'

/** Ids of the people who chose "name me in exports" on the board (their person records). */
export function namedInDoc(doc: Y.Doc): Set<string> {
  return new Set(
    people(doc)
      .all()
      .filter((p) => p.named)
      .map((p) => p.id),
  )
}

/**
 * How a visible author is printed: the name they gave on the board, else their id. Null when
 * they are not named, so that nothing identifying leaves the board.
 */
export function authorLabeller(
  doc: Y.Doc,
  named: NamedAuthors | undefined,
): (authorId: string) => string | null {
  const names = new Map(
    people(doc)
      .all()
      .filter((p) => p.name.trim() !== '')
      .map((p) => [p.id, p.name.trim()]),
  )
  return (authorId) => {
    const id = visibleAuthor(authorId, named)
    return id === null ? null : (names.get(id) ?? id)
  }
}

/** The author id to print, or null when this person has not agreed to be named. */
export function visibleAuthor(authorId: string, named: NamedAuthors | undefined): string | null {
  if (authorId === '' || named === undefined) return null
  return named === 'all' || named.has(authorId) ? authorId : null
}

/**
 * Stable stand-ins ("anon-1", "anon-2"...) for ids that must not be exported, numbered by first
 * use. Re-exporting already pseudonymous data yields the same names, so round trips stay equal.
 * `taken` holds the ids exported as they are, which no stand-in may look like.
 */
export class Pseudonyms {
  private readonly map = new Map<string, string>()
  private next = 1

  constructor(
    private readonly prefix: string,
    private readonly taken: ReadonlySet<string>,
  ) {}

  of(id: string): string {
    if (id === '') return ''
    let alias = this.map.get(id)
    if (alias === undefined) {
      do alias = `${this.prefix}-${this.next++}`
      while (this.taken.has(alias))
      this.map.set(id, alias)
    }
    return alias
  }
}
