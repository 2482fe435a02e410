import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, release, totalmem } from 'node:os';

export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGB: number;
  node: string;
  kernel: string;
  /** 1-minute load average when the run started and ended: others' work on the machine shows here. */
  loadAverage: { start: number; end: number };
}

/** What the figures came from; the README quotes it next to them. */
export function machineInfo(loadAtStart: number): MachineInfo {
  let cpu = 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // Not Linux: the model stays unknown, the rest is still true.
  }
  return {
    cores: availableParallelism(),
    cpu,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    kernel: release(),
    loadAverage: { start: loadAtStart, end: loadavg()[0] },
  };
}
