import { DeskStore } from '../store/desk-store.js';
import { demoFixtures } from '../transport/demo-fixtures.js';
import { MemoryTransport } from '../transport/memory-transport.js';

/**
 * The store of a `demo` desk: MemoryTransport with the demo data and simulator. Loaded with a
 * dynamic import, so pages that give the desk their own store never download the demo data.
 */
export function createDemoStore(): DeskStore {
  return new DeskStore({ transport: new MemoryTransport({ fixtures: demoFixtures(), simulate: true }) });
}
