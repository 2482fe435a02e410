import type { LoggerService } from '@nestjs/common';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * The module's default logging (a request line and an audit line per send), pointed somewhere realistic and away
 * from the terminal the bench prints on: one formatted string per line, written synchronously to `/dev/null`. That
 * is what Nest's default logger does on Linux (`process.stdout` writes are synchronous there, to files, pipes and
 * terminals alike) and what pino's default destination does.
 */
export class DevNullLogger implements LoggerService {
  private readonly fd = openSync('/dev/null', 'w');
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
    writeSync(this.fd, `${new Date().toISOString()} ${level} [${context}] ${String(message)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
