export * from './board-doc.ts'
export * from './collection.ts'
export * from './origins.ts'
export * from './text.ts'
