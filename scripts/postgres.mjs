// A throwaway PostgreSQL server for the tests and the bench: Debian's `postgres` binary (installed
// by scripts/ensure-postgres.sh where missing), a fresh data folder in the temp folder, listening
// on a unix socket only (no port to clash with). `initdb` refuses to run as root, so as root both
// run as the `postgres` user (runuser). `stop()` shuts it down and deletes the folder.
//
//   const pg = await startPostgres();  const url = await pg.createDatabase('desk_a');  …  await pg.stop();
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The folder of `postgres`/`initdb`: Debian keeps them under /usr/lib/postgresql/<version>/bin. */
function binDir() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0], 'bin');
  }
  return undefined;
}

function ensureInstalled() {
  if (binDir()) return;
  execFileSync('sh', [new URL('./ensure-postgres.sh', import.meta.url).pathname], { stdio: 'inherit' });
  if (!binDir()) throw new Error('PostgreSQL is not installed and scripts/ensure-postgres.sh could not install it');
}

/** Starts a server; resolves once it accepts connections (bounded: 30 s). */
export async function startPostgres({ timeoutMs = 30_000 } = {}) {
  ensureInstalled();
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'desk-pg-'));
  const data = join(dir, 'data');
  const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const command = (program, args) =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  const [initProgram, initArgs] = command('initdb', [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    user,
    '-E',
    'UTF8',
    '--no-sync',
    '--no-instructions',
  ]);
  execFileSync(initProgram, initArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
  const [program, args] = command('postgres', [
    '-D',
    data,
    '-k',
    dir,
    '-c',
    'listen_addresses=',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
    '-c',
    'shared_buffers=32MB',
  ]);
  const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = (database) => `postgresql://${encodeURIComponent(user)}@/${database}?host=${encodeURIComponent(dir)}`;

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${error.message}\n${log}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    dir,
    url,
    /** Creates an empty database; returns its URL. */
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replaceAll('"', '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    /** Fast shutdown (SIGINT), then deletes the data folder. Bounded: SIGKILL after 10 s. */
    async stop() {
      if (child.exitCode === null) {
        // Signal the postmaster itself (runuser does not pass SIGINT on): fast shutdown.
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGINT');
        else child.kill('SIGINT');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
