import { Inject, Injectable } from '@nestjs/common';
import { ALTINN_RESOLVED_OPTIONS } from '../altinn-notifications.constants.js';
import type { AltinnAuditRecord } from '../altinn-notifications.interfaces.js';
import type { ResolvedOptions } from '../options/resolve-options.js';

/** @internal An audit record before it gets its timestamp. */
export type AuditEntry = Omit<AltinnAuditRecord, 'timestamp'>;

/** @internal Writes the audit record of each send to the log and to `onAudit` (guide best practice 7). */
@Injectable()
export class AuditRecorder {
  /** Whether anything reads recipient hashes: when nothing does, no send computes one. */
  readonly wantsRecipientHash: boolean;

  constructor(@Inject(ALTINN_RESOLVED_OPTIONS) private readonly options: ResolvedOptions) {
    this.wantsRecipientHash = options.logRequests || options.logAudit || options.onAudit !== undefined;
  }

  /** A promise only when `onAudit` has one to wait for: a send without it takes no extra turn of the loop. */
  record(entry: AuditEntry): Promise<void> | undefined {
    if (this.options.logAudit) this.log(entry);
    return this.options.onAudit ? this.deliver(entry, this.options.onAudit) : undefined;
  }

  private log(e: AuditEntry): void {
    const line =
      `audit ${e.channel} result=${e.result} recipient=${e.recipientHash} idempotencyId=${e.idempotencyId}` +
      `${e.status ? ` status=${e.status}` : ''}${e.error ? ` error="${e.error}"` : ''} attempts=${e.attempts} durationMs=${e.durationMs}`;
    if (e.result === 'failed') this.options.logger.warn(line);
    else this.options.logger.log(line);
  }

  private async deliver(entry: AuditEntry, onAudit: NonNullable<ResolvedOptions['onAudit']>) {
    try {
      // Awaited, so an app that stores audit records gets backpressure instead of an unbounded queue.
      await onAudit({ timestamp: new Date().toISOString(), ...entry });
    } catch (err) {
      // The message went out (or failed) already; a broken audit sink must not turn that into an error.
      this.options.logger.error(`onAudit callback failed: ${(err as Error)?.name ?? 'error'}`);
    }
  }
}
