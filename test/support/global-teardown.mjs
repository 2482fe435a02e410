// Jest globalTeardown: removes the run's test keys (./global-setup.mjs).
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

export default function globalTeardown() {
  if (process.env.TEST_RSA_KEYS) rmSync(dirname(process.env.TEST_RSA_KEYS), { recursive: true, force: true });
}
