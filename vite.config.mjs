import { defineConfig } from 'vite';

/**
 * The demo's file server (dev server only): the demo's uploader POSTs a file to /demo-uploads and
 * gets back the address it is served from, so uploaded images show in the thread like any other.
 * Files are kept in memory (at most 50, 10 MB each) until the server stops; nothing leaves the machine.
 */
function demoUploads() {
  const files = new Map();
  const MAX_FILES = 50;
  const MAX_BYTES = 10 * 1024 * 1024;
  return {
    name: 'agent-desk-demo-uploads',
    configureServer(server) {
      server.middlewares.use('/demo-uploads', (req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (req.method === 'GET' || req.method === 'HEAD') {
          const file = files.get(url.pathname.split('/')[1]);
          if (!file) return void res.writeHead(404).end();
          res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
          return void res.end(req.method === 'HEAD' ? undefined : file.body);
        }
        if (req.method !== 'POST') return void res.writeHead(405).end();
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
          size += chunk.length;
          if (size > MAX_BYTES) req.destroy();
          else chunks.push(chunk);
        });
        req.on('end', () => {
          const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
          const name = (url.searchParams.get('name') ?? 'file').replace(/[^\w.-]+/g, '_');
          files.set(id, {
            body: Buffer.concat(chunks),
            type: req.headers['content-type'] || 'application/octet-stream',
          });
          if (files.size > MAX_FILES) files.delete(files.keys().next().value);
          const origin = `http://${req.headers.host}`;
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ url: `${origin}/demo-uploads/${id}/${encodeURIComponent(name)}` }));
        });
      });
    },
  };
}

export default defineConfig({
  server: { host: '127.0.0.1', port: 5173, strictPort: true, open: false },
  plugins: [demoUploads()],
});
