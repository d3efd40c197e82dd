/** The board's links and their lifecycle, through the API with the facilitator's token. */
import type { Role } from '../../shared/protocol/messages.ts'

export interface LinkInfo {
  token: string
  link: string
  generation: number
  /** ISO date, or null when the link does not expire. */
  expiresAt: string | null
}

export type BoardLinkInfos = Record<Role, LinkInfo>

export class LinksApi {
  constructor(
    private readonly boardId: string,
    private readonly token: string,
  ) {}

  list(): Promise<BoardLinkInfos> {
    return this.request('/links')
  }

  /** Replaces one role's link: everyone who joined with the old one is disconnected. */
  rotate(role: Role): Promise<BoardLinkInfos> {
    return this.request(`/links/${role}/rotate`, { method: 'POST' })
  }

  /** Sets (epoch ms) or lifts (null) the expiry of one role's link. */
  setExpiry(role: Role, expiresAt: number | null): Promise<BoardLinkInfos> {
    return this.request(`/links/${role}`, {
      method: 'PUT',
      body: JSON.stringify({ expiresAt }),
    })
  }

  private async request(path: string, init: RequestInit = {}): Promise<BoardLinkInfos> {
    const res = await fetch(`/api/boards/${encodeURIComponent(this.boardId)}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
    })
    const body = (await res.json().catch(() => null)) as {
      links?: BoardLinkInfos
      error?: string
    } | null
    if (!res.ok || !body?.links) throw new Error(body?.error ?? `HTTP ${res.status}`)
    return body.links
  }
}
