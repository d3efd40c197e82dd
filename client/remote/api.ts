/** The board's history and activity endpoints, with the board token of this page. */
import type { ActivityEntry, VersionInfo } from '../../shared/history/types.ts'
import type { RestoreResult } from '../../shared/history/restore.ts'

export class BoardApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string,
  ) {}

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(`/api/boards/${encodeURIComponent(this.boardId)}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    })
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: string } | null
      throw new Error(body?.error ?? `HTTP ${res.status}`)
    }
    return res
  }

  async activity(): Promise<ActivityEntry[]> {
    const res = await this.request('/activity?limit=2000')
    return ((await res.json()) as { entries: ActivityEntry[] }).entries
  }

  async versions(): Promise<VersionInfo[]> {
    const res = await this.request('/versions')
    return ((await res.json()) as { versions: VersionInfo[] }).versions
  }

  async saveVersion(name: string, author: string): Promise<VersionInfo> {
    const res = await this.request('/versions', {
      method: 'POST',
      body: JSON.stringify({ name, author }),
    })
    return (await res.json()) as VersionInfo
  }

  /** The version's state as a Yjs update, for a separate read-only document. */
  async versionState(id: string): Promise<Uint8Array> {
    const res = await this.request(`/versions/${encodeURIComponent(id)}`)
    return new Uint8Array(await res.arrayBuffer())
  }

  async restore(id: string, itemIds?: string[]): Promise<RestoreResult> {
    const res = await this.request(`/versions/${encodeURIComponent(id)}/restore`, {
      method: 'POST',
      body: JSON.stringify(itemIds ? { itemIds } : {}),
    })
    return (await res.json()) as RestoreResult
  }
}
