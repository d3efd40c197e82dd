/**
 * People choose whether exports name them. Every renderer gets authors through here, so an id
 * that is not in `namedAuthors` can never leave the board in a text export.
 */
export type NamedAuthors = ReadonlySet<string> | 'all'

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
