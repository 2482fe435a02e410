import type { LoggerService } from '@nestjs/common';
import { createWriteStream } from 'node:fs';

/**
 * The module's default logging (a request line and an audit line per send), pointed somewhere realistic and away
 * from the terminal the bench prints on: one cheap formatted string per line, written to a `/dev/null` stream
 * (buffered and written in batches under load, as file and pipe loggers such as pino's do).
 */
export class DevNullLogger implements LoggerService {
  private readonly stream = createWriteStream('/dev/null');
  lines = 0;

  log(message: unknown, context?: string): void {
    this.write('LOG', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.write('WARN', message, context);
  }
  error(message: unknown, context?: string): void {
    this.write('ERROR', message, context);
  }

  private write(level: string, message: unknown, context = 'AltinnNotifications'): void {
    this.lines += 1;
    this.stream.write(`${new Date().toISOString()} ${level} [${context}] ${String(message)}\n`);
  }

  /** Resolves once every line written so far has left the stream's buffer. */
  drained(): Promise<void> {
    if (this.stream.writableLength === 0) return Promise.resolve();
    return new Promise((resolve) => this.stream.once('drain', () => resolve()));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}
