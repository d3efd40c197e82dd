/** Reading order on the canvas: top to bottom, then left to right; ids break ties. */
export interface Placed {
  id: string
  x: number
  y: number
}

export const compareReading = (a: Placed, b: Placed): number =>
  a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const byId = (a: { id: string }, b: { id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0
