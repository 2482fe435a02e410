import { Inject, Injectable } from '@nestjs/common';
import { ALTINN_RESOLVED_OPTIONS } from '../altinn-notifications.constants.js';
import type { AltinnAuditRecord } from '../altinn-notifications.interfaces.js';
import type { ResolvedOptions } from '../options/resolve-options.js';

/** @internal Writes the audit record of each send to the log and to `onAudit` (guide best practice 7). */
@Injectable()
export class AuditRecorder {
  constructor(@Inject(ALTINN_RESOLVED_OPTIONS) private readonly options: ResolvedOptions) {}

  async record(record: AltinnAuditRecord): Promise<void> {
    if (this.options.logAudit) {
      const { channel, recipientHash, idempotencyId, result, status, error, attempts, durationMs } = record;
      const line =
        `audit ${channel} result=${result} recipient=${recipientHash} idempotencyId=${idempotencyId}` +
        `${status ? ` status=${status}` : ''}${error ? ` error="${error}"` : ''} attempts=${attempts} durationMs=${durationMs}`;
      if (result === 'failed') this.options.logger.warn(line);
      else this.options.logger.log(line);
    }
    if (!this.options.onAudit) return;
    try {
      // Awaited, so an app that stores audit records gets backpressure instead of an unbounded queue.
      await this.options.onAudit(record);
    } catch (err) {
      // The message went out (or failed) already; a broken audit sink must not turn that into an error.
      this.options.logger.error(`onAudit callback failed: ${(err as Error)?.name ?? 'error'}`);
    }
  }
}
