import { fork, type ChildProcess } from 'node:child_process';
import type { QueueWorkerConfig } from '../../../bench/queue-worker.js';
import type { AltinnQueueEvent } from '../../../lib/queue/index.js';

/**
 * A queue worker in its own process: an app instance a test can start, watch and SIGKILL. The bench's worker
 * (bench/queue-worker.ts), as Jest's globalSetup built it from the sources (./worker-build.mjs), with its job
 * outcomes forwarded here.
 */
export class WorkerProcess {
  readonly events: AltinnQueueEvent[] = [];
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { type: string; event?: AltinnQueueEvent }) => {
      if (m.type === 'event' && m.event) this.events.push(m.event);
    });
    this.exited = new Promise((done) => child.once('exit', () => done()));
  }

  static async start(config: Omit<QueueWorkerConfig, 'events'>): Promise<WorkerProcess> {
    const built = process.env.QUEUE_WORKER_JS;
    if (!built)
      throw new Error('QUEUE_WORKER_JS is unset: run the tests through jest.config.js (its globalSetup)');
    const child = fork(built, [], {
      execArgv: [],
      env: { ...process.env, QUEUE_WORKER: JSON.stringify({ ...config, events: true }) },
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
