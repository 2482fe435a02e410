import { Inject, Injectable, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { getAltinnNotificationsToken } from '../altinn-notifications.decorators.js';
import { AltinnNotificationsService } from '../altinn-notifications.service.js';
import { describeHealthFailure, isProbeAnswer } from './altinn-health.probe.js';

/** Options of `AltinnHealthIndicator.isHealthy()`. */
export interface AltinnHealthCheckOptions {
  /** The registration to check (`forRoot({ name })`). @default the unnamed registration */
  name?: string;
  /** Reports `down` when the token and the API call together take longer. @default 3000 */
  timeoutMs?: number;
}

/** A shipment id no one has: Altinn answers it with 404 `NOT-00003`, which proves token, auth and API. */
const PROBE_SHIPMENT_ID = '00000000-0000-0000-0000-000000000000';
const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Terminus health indicator: `up` when the module's token provider hands out a token and Altinn answers an
 * authenticated call (`GET /future/shipment/{zero GUID}` → 404 `NOT-00003`). Never reports the token.
 * Add it to the providers of the module that imports `TerminusModule`.
 */
@Injectable()
export class AltinnHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    // Through the module's exports: a named registration provides the class too, but only exports its own token.
    @Optional() @Inject(AltinnNotificationsService) private readonly unnamed?: AltinnNotificationsService,
  ) {}

  async isHealthy<const Key extends string>(
    key: Key,
    options: AltinnHealthCheckOptions = {},
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const service = this.service(options.name);
      // A 200 (someone's shipment really has the zero id) is an answer too.
      await service.getShipment(PROBE_SHIPMENT_ID, { signal: AbortSignal.timeout(timeoutMs) });
      return indicator.up({ responseTimeMs: elapsed() });
    } catch (err) {
      if (isProbeAnswer(err)) return indicator.up({ responseTimeMs: elapsed() });
      return indicator.down({ ...describeHealthFailure(err, timeoutMs), responseTimeMs: elapsed() });
    }
  }

  private service(name: string | undefined): AltinnNotificationsService {
    if (name !== undefined) {
      return this.moduleRef.get<AltinnNotificationsService>(getAltinnNotificationsToken(name), {
        strict: false,
      });
    }
    if (!this.unnamed) {
      throw new Error(
        'no unnamed AltinnNotificationsModule registration is visible to AltinnHealthIndicator',
      );
    }
    return this.unnamed;
  }
}
