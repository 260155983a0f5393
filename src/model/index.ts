export * from './types.js';
export * from './errors.js';
export * from './filter.js';
export * from './url.js';
export * from './thread.js';
export { parseServerEvent, parseMessage } from './schema.js';
export type { ValidationResult } from './schema.js';
export { neutralizeBidi } from './text.js';
export * from './channels.js';
