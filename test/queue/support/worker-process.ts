import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { AltinnQueueEvent, AltinnQueueWorkerOptions } from '../../../lib/queue/index.js';

/** What a worker child is told (see queue-worker.child.ts). */
export interface WorkerConfig {
  redisUrl: string;
  baseUrl: string;
  token: string;
  queueName: string;
  prefix: string;
  worker: AltinnQueueWorkerOptions;
  retry?: { forMs?: number; delayMs?: number; maxDelayMs?: number };
}

/** A queue worker in its own process: an app instance a test can start, watch and SIGKILL. */
export class WorkerProcess {
  readonly events: AltinnQueueEvent[] = [];
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { type: string; event?: AltinnQueueEvent }) => {
      if (m.type === 'event' && m.event) this.events.push(m.event);
    });
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  static async start(config: WorkerConfig): Promise<WorkerProcess> {
    const child = fork(resolve('test/queue/support/queue-worker.child.ts'), [], {
      execArgv: ['--import', resolve('test/queue/support/ts-register.mjs')],
      env: { ...process.env, QUEUE_CHILD: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((ready, fail) => {
      child.on('message', (m: { type: string }) => m.type === 'ready' && ready());
      child.once('exit', (code) => fail(new Error(`worker child exited early (code ${code})`)));
    });
    return new WorkerProcess(child);
  }

  /** No goodbye, no lock release: what an OOM kill or a pulled plug does. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Lets the jobs in flight finish, then exits. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.disconnect();
    await this.exited;
  }
}
