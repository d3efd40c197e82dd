import { MemoryStore } from '../../server/persistence/memory.ts'
import { storeContract } from './store.contract.ts'

storeContract('memory', { create: async () => new MemoryStore() })
