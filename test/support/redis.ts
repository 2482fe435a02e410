import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { Redis } from 'ioredis';

/**
 * Redis for the integration suites: `REDIS_URL` when set (CI starts one), otherwise a private `redis-server` on a
 * free loopback port, started and stopped by the suite. Without either, the suites are skipped with a warning
 * locally, and fail in CI (`CI` set), so a green run can never hide a missing Redis.
 */
export interface TestRedis {
  url: string;
  /** A new client; closed by `stop()`. */
  client(): Redis;
  /** A key prefix no other test uses, so suites can share one Redis. */
  prefix(): string;
  stop(): Promise<void>;
}

const MISSING =
  'REDIS_URL is unset and redis-server is not on PATH (Debian/Ubuntu: apt-get install redis-server)';

function redisServerPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir || '.', 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Decided once per test file, at collection time, so `describe.skip` can be chosen. */
export const redisAvailable: boolean = (() => {
  if (process.env.REDIS_URL || redisServerPath()) return true;
  if (process.env.CI) throw new Error(`Redis not available in CI: ${MISSING}`);
  console.warn(`Redis not available: ${MISSING}. Skipping the Redis suites.`);
  return false;
})();

/** `describe`, or `describe.skip` (with the warning above) when there is no Redis. */
export const describeRedis: jest.Describe = redisAvailable ? describe : describe.skip;

export async function startRedis(): Promise<TestRedis> {
  const external = process.env.REDIS_URL;
  const server = external ? undefined : await spawnRedis();
  const url = external ?? `redis://127.0.0.1:${server!.port}`;
  const clients: Redis[] = [];
  return {
    url,
    client() {
      const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
      clients.push(client);
      return client;
    },
    prefix: () => `test-otp-${randomUUID()}:`,
    async stop() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
      if (server) await server.stop();
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function spawnRedis(): Promise<{ port: number; stop(): Promise<void> }> {
  const binary = redisServerPath();
  if (!binary) throw new Error(`Redis not available: ${MISSING}`);
  // A port can be taken between the probe and the bind; try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'yes',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await ready(child);
      return { port, stop: () => stop(child) };
    } catch (err) {
      await stop(child);
      if (attempt >= 3) throw err;
    }
  }
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start in 10 s: ${output.slice(-500)}`)),
      10_000,
    );
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready to accept connections/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}): ${output.slice(-500)}`)));
    child.once('error', fail);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
