import type { SimulatorCounters } from '../lib/testing/index.js';

/** Where the simulator child listens, sent once it is up. */
export interface SimReady {
  type: 'ready';
  url: string;
  baseUrl: string;
  platformUrl: string;
  tokenUrl: string;
  issuer: string;
}

/** What the bench asks the child; every request carries an id that its answer echoes. */
export type SimCommand =
  | { id: number; cmd: 'register'; clientId: string; keyId: string; publicKeyPem: string }
  | { id: number; cmd: 'counters' }
  | { id: number; cmd: 'issueToken' }
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'close' };

export interface SimAnswer {
  type: 'answer';
  id: number;
  counters?: SimulatorCounters;
  token?: string;
  error?: string;
}
