import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimulatorCounters } from '../lib/testing/index.js';
import type { SimAnswer, SimCommand, SimReady } from './sim-protocol.js';

type Command = SimCommand extends infer C ? (C extends SimCommand ? Omit<C, 'id'> : never) : never;

/** The parent's handle on the simulator child (see sim-child.ts). */
export class SimProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: SimAnswer) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly where: SimReady,
  ) {
    child.on('message', (message: SimAnswer) => {
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async start(): Promise<SimProcess> {
    const script = fileURLToPath(new URL('./sim-child.js', import.meta.url));
    const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise<SimReady>((resolve, reject) => {
      child.once('message', (message: SimReady) => resolve(message));
      child.once('exit', (code) => reject(new Error(`simulator child exited early (code ${code})`)));
    });
    return new SimProcess(child, ready);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async counters(): Promise<SimulatorCounters> {
    return (await this.call({ cmd: 'counters' })).counters!;
  }

  async issueToken(): Promise<string> {
    return (await this.call({ cmd: 'issueToken' })).token!;
  }

  async register(clientId: string, keyId: string, publicKeyPem: string): Promise<void> {
    await this.call({ cmd: 'register', clientId, keyId, publicKeyPem });
  }

  async reset(): Promise<void> {
    await this.call({ cmd: 'reset' });
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call({ cmd: 'close' });
    await exited;
  }

  private call(command: Command): Promise<SimAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) =>
        answer.error ? reject(new Error(`simulator: ${answer.error}`)) : resolve(answer),
      );
      this.child.send({ ...command, id });
    });
  }
}
