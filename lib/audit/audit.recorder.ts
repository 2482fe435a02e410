import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import { ALTINN_RESOLVED_OPTIONS } from '../altinn-notifications.constants.js';
import { logField, logValue } from '../logging/log-value.js';
import type { AltinnAuditRecord } from './audit.interfaces.js';

/** @internal An audit record before it gets its timestamp. */
export type AuditEntry = Omit<AltinnAuditRecord, 'timestamp'>;

/** @internal What the recorder reads of the resolved module options. */
export interface AuditSettings {
  logger: LoggerService;
  logAudit: boolean;
  onAudit?: (record: AltinnAuditRecord) => void | Promise<void>;
}

/** @internal Writes the audit record of each send to the log and to `onAudit`. */
@Injectable()
export class AuditRecorder {
  constructor(@Inject(ALTINN_RESOLVED_OPTIONS) private readonly options: AuditSettings) {}

  /** The one line a send logs: `log` when it went through, `warn` when it failed. */
  async record(raw: AuditEntry): Promise<void> {
    const entry = escaped(raw);
    if (this.options.logAudit) this.log(entry);
    if (this.options.onAudit) await this.deliver(entry, this.options.onAudit);
  }

  private log(e: AuditEntry): void {
    const line =
      `audit ${e.channel} result=${e.result} recipient=${e.recipientHash} idempotencyId=${logField(e.idempotencyId)}` +
      `${e.status ? ` status=${e.status}` : ''}${e.error ? ` error="${e.error.replace(/"/g, '\\u0022')}"` : ''}` +
      ` attempts=${e.attempts} durationMs=${e.durationMs}`;
    if (e.result === 'failed') this.options.logger.warn(line);
    else this.options.logger.log(line);
  }

  private async deliver(entry: AuditEntry, onAudit: NonNullable<AuditSettings['onAudit']>) {
    try {
      // Awaited, so an app that stores audit records gets backpressure instead of an unbounded queue.
      await onAudit({ timestamp: new Date().toISOString(), ...entry });
    } catch (err) {
      // The message went out (or failed) already; a broken audit sink must not turn that into an error.
      this.options.logger.error(`onAudit callback failed: ${(err as Error)?.name ?? 'error'}`);
    }
  }
}

/** What a caller or a server supplied, escaped and capped: the record goes to logs and audit stores alike. */
function escaped(entry: AuditEntry): AuditEntry {
  const out = { ...entry, idempotencyId: logValue(entry.idempotencyId) };
  if (entry.sendersReference !== undefined) out.sendersReference = logValue(entry.sendersReference);
  if (entry.error !== undefined) out.error = logValue(entry.error);
  return out;
}
