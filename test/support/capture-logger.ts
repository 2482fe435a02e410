import type { LoggerService } from '@nestjs/common';
import { inspect } from 'node:util';

/** A LoggerService that keeps every line at every level, so tests can assert what was (not) logged. */
export class CaptureLogger implements LoggerService {
  readonly lines: string[] = [];

  private push(level: string, message: unknown, rest: unknown[]) {
    this.lines.push(
      [level, message, ...rest].map((v) => (typeof v === 'string' ? v : inspect(v, { depth: 10 }))).join(' '),
    );
  }

  log(message: unknown, ...rest: unknown[]) {
    this.push('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.push('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.push('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.push('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.push('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.push('fatal', message, rest);
  }

  get text(): string {
    return this.lines.join('\n');
  }
}
