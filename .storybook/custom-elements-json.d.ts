// custom-elements.json is imported by preview.ts (Vite handles JSON); tsconfig does not enable resolveJsonModule.
declare module '*/custom-elements.json' {
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
