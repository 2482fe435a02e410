import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { AltinnNotificationsModule, StaticTokenProvider } from '../lib/index.js';
import { AltinnNotificationsQueue, AltinnNotificationsQueueModule } from '../lib/queue/index.js';
import { scheduledOrder } from './queue-order.js';
import type { QueueWorkerConfig } from './queue-worker.js';
import type { SimProcess } from './sim-process.js';

/** One row per worker count: the queue's drain rate against the same sends without it. */
export interface QueueBenchRow {
  workers: number;
  concurrencyPerWorker: number;
  orders: number;
  queuePerSecond: number;
  directPerSecond: number;
  /** queue / direct: what durability costs (1 = nothing). */
  ratio: number;
  enqueuePerSecond: number;
  /** Redis `used_memory` growth per waiting order (job hash, order JSON, wait-list entry). */
  redisBytesPerOrder: number;
}

const CHILD = fileURLToPath(new URL('./queue-worker.js', import.meta.url));

/** `sendOrder` through the queue with 1 and 3 worker processes, and plain `sendOrder` at the same concurrency. */
export async function measureQueue(
  sim: SimProcess,
  orders: number,
  concurrency: number,
): Promise<QueueBenchRow[]> {
  const redis = await startRedis();
  const client = new Redis({ path: redis.path, maxRetriesPerRequest: null });
  const token = await sim.issueToken();
  const base = { redis: redis.path, baseUrl: sim.where.baseUrl, token };
  const app = await NestFactory.createApplicationContext(enqueuer(client, token, sim.where.baseUrl), {
    logger: false,
  });
  const queue = app.get(AltinnNotificationsQueue);
  try {
    const rows: QueueBenchRow[] = [];
    for (const workers of [1, 3]) {
      await sim.reset();
      const direct = await directRate(workers, orders, concurrency, base);
      await sim.reset();
      await client.flushall();
      // Paused, the workers take nothing: the orders are counted in Redis before the first one is sent.
      await queue.pause();
      const children = await Promise.all(
        Array.from({ length: workers }, () =>
          start({ ...base, queue: { queueName: 'altinn-notifications', worker: { concurrency } } }),
        ),
      );
      const before = await usedMemory(client);
      const enqueueStarted = performance.now();
      const batch = Array.from({ length: orders }, () => ({
        kind: 'order' as const,
        order: scheduledOrder(),
      }));
      await queue.enqueue(batch);
      const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
      const bytes = (await usedMemory(client)) - before;
      const started = performance.now();
      await queue.resume();
      for (;;) {
        const c = await queue.getCounts();
        if (c.failed > 0) throw new Error(`${c.failed} orders failed in the queue bench`);
        if (c.waiting + c.active + c.delayed === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const queuePerSecond = orders / ((performance.now() - started) / 1000);
      await Promise.all(children.map(stop));
      rows.push({
        workers,
        concurrencyPerWorker: concurrency,
        orders,
        queuePerSecond,
        directPerSecond: direct,
        ratio: queuePerSecond / direct,
        enqueuePerSecond: orders / enqueueSeconds,
        redisBytesPerOrder: Math.round(bytes / orders),
      });
    }
    return rows;
  } finally {
    await app.close();
    await client.quit();
    await redis.stop();
  }
}

/** The app that enqueues: no worker of its own. */
function enqueuer(connection: Redis, token: string, baseUrl: string) {
  @Module({
    imports: [
      AltinnNotificationsModule.forRoot({
        baseUrl,
        tokenProvider: new StaticTokenProvider(token),
        logging: false,
      }),
      AltinnNotificationsQueueModule.forRoot({ connection, worker: false }),
    ],
  })
  class BenchEnqueuerModule {}
  return BenchEnqueuerModule;
}

/** `workers` processes each sending their share straight through `sendOrder`; orders per second overall. */
async function directRate(
  workers: number,
  orders: number,
  concurrency: number,
  base: Pick<QueueWorkerConfig, 'redis' | 'baseUrl' | 'token'>,
): Promise<number> {
  const sends = Math.ceil(orders / workers);
  const children = await Promise.all(
    Array.from({ length: workers }, () =>
      start({ ...base, queue: { queueName: 'unused', worker: false }, direct: { sends, concurrency } }),
    ),
  );
  const started = performance.now();
  const done = children.map(
    (c) =>
      new Promise<void>((resolve, reject) =>
        c.on('message', (m: { type: string; failures?: number }) => {
          if (m.type !== 'done') return;
          if (m.failures) reject(new Error(`${m.failures} direct sends failed`));
          else resolve();
        }),
      ),
  );
  children.forEach((c) => c.send('go'));
  await Promise.all(done);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(children.map(stop));
  return (sends * workers) / seconds;
}

async function start(config: QueueWorkerConfig): Promise<ChildProcess> {
  const child = fork(CHILD, [], {
    env: { ...process.env, QUEUE_WORKER: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type: string }) => m.type === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`queue bench child exited early (code ${code})`)));
  });
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.disconnect();
  return exited;
}

async function usedMemory(client: Redis): Promise<number> {
  const info = await client.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/** A private redis-server on a Unix socket (no port to race for), persistence off: the queue's own footprint. */
async function startRedis(): Promise<{ path: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-redis-'));
  const path = join(dir, 'redis.sock');
  const server = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', path, '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/i.test(out)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  return {
    path,
    async stop() {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The lines the bench prints under its table. */
export function formatQueue(rows: QueueBenchRow[]): string {
  return [
    'Queue (sendOrder through BullMQ, paused while enqueued, then drained; direct = plain sendOrder, same concurrency):',
    ...rows.map(
      (r) =>
        `   ${r.workers} worker process(es) × ${r.concurrencyPerWorker}: queue ${Math.round(r.queuePerSecond)} orders/s, ` +
        `direct ${Math.round(r.directPerSecond)} orders/s, ratio ${r.ratio.toFixed(2)} (goal ≥ 0.70); ` +
        `enqueue ${Math.round(r.enqueuePerSecond)} orders/s; Redis ${r.redisBytesPerOrder} bytes per queued order`,
    ),
  ].join('\n');
}
