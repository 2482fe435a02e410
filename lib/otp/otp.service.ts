import { Inject, Injectable, Optional, type LoggerService, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AltinnSendOptions, InstantOrderResult } from '../altinn-notifications.interfaces.js';
import { resolveNotifications } from '../altinn-notifications.resolver.js';
import { AltinnNotificationsService } from '../altinn-notifications.service.js';
import type { InstantEmailOrder, InstantSmsOrder } from '../dto/order.interfaces.js';
import {
  AltinnApiError,
  AltinnAuthError,
  AltinnValidationError,
} from '../errors/altinn-notifications.error.js';
import {
  ALTINN_OTP_RESOLVED_OPTIONS,
  ALTINN_OTP_STORE,
  CHALLENGE_ID_PATTERN,
  MAX_CODE_INPUT,
} from './otp.constants.js';
import { countOtpVerification } from '../telemetry/altinn-tracing.js';
import { OtpKeys } from './otp.crypto.js';
import type {
  OtpChannel,
  OtpLanguage,
  OtpSendRequest,
  OtpSendResult,
  OtpTarget,
  OtpVerifyResult,
} from './otp.interfaces.js';
import { otpEmailOrder, otpSmsOrder } from './otp.messages.js';
import { normaliseRecipient, requireRecipient, type OtpRecipient } from './otp.recipient.js';
import type { OtpChallengeRecord, OtpLookup, OtpStore } from './otp-store.interfaces.js';
import type { ResolvedOtpOptions } from './resolve-otp-options.js';

/**
 * One-time codes sent through Altinn Notifications: the "Complete Example: OTP Implementation" of
 * docs.altinn.studio/en/notifications/guides/instant-notifications/, hardened. Logs carry the
 * recipient's keyed hash and the idempotencyId, never the code, the message or the raw recipient.
 */
@Injectable()
export class AltinnOtpService implements OnModuleInit {
  // Private fields: the secret and keys stay out of `util.inspect` and JSON.
  readonly #options: ResolvedOtpOptions;
  readonly #store: OtpStore;
  readonly #keys: OtpKeys;
  readonly #logger?: LoggerService;
  readonly #moduleRef: ModuleRef;
  readonly #visible?: AltinnNotificationsService;
  #notifications!: AltinnNotificationsService;

  constructor(
    @Inject(ALTINN_OTP_RESOLVED_OPTIONS) options: ResolvedOtpOptions,
    @Inject(ALTINN_OTP_STORE) store: OtpStore,
    moduleRef: ModuleRef,
    @Optional() visible?: AltinnNotificationsService,
  ) {
    this.#options = options;
    this.#store = store;
    this.#keys = new OtpKeys(options.secret);
    this.#logger = options.logger;
    this.#moduleRef = moduleRef;
    this.#visible = visible;
  }

  /** Every provider of the app exists by now, so a registration imported beside this module can be found. */
  onModuleInit(): void {
    this.#notifications = resolveNotifications(this.#moduleRef, this.#options.notifications, this.#visible);
  }

  /**
   * Creates a challenge and sends its code, unless the recipient is in the cooldown or over the window cap.
   * Throws `AltinnValidationError` for a bad recipient or challengeId (nothing stored), and the library's errors
   * when Altinn fails; a retry with the same `challengeId` then re-sends the same code under the same id.
   */
  async send(request: OtpSendRequest): Promise<OtpSendResult> {
    const o = this.#options;
    const recipient = requireRecipient(request?.channel, request?.recipient);
    const { channel } = recipient;
    const challengeId = request.challengeId ?? randomUUID();
    if (typeof challengeId !== 'string' || !CHALLENGE_ID_PATTERN.test(challengeId)) {
      throw new AltinnValidationError([
        { path: 'challengeId', message: 'must be 1–128 of A–Z a–z 0–9 . _ : -' },
      ]);
    }
    const language = request.language ?? o.language;
    // Own keys only: `in` also sees `toString`, `constructor`, `__proto__` …
    if (typeof language !== 'string' || !Object.hasOwn(o.templates, language)) {
      throw new AltinnValidationError([{ path: 'language', message: "must be 'nb' or 'en'" }]);
    }
    const now = o.now();
    const fresh: OtpChallengeRecord = {
      challengeId,
      recipientKey: this.#keys.recipientKey(channel, recipient.key),
      limitKey: this.#keys.recipientKey(channel, recipient.limitKey),
      channel,
      codeHash: '',
      nonce: randomBytes(16).toString('hex'),
      createdAt: now,
      expiresAt: now + o.ttlSeconds * 1000,
      maxAttempts: o.maxAttempts,
    };
    const freshCode = this.#keys.deriveCode(fresh, o.codeLength);
    fresh.codeHash = this.#keys.hashCode(freshCode);
    // Every refusal comes before the store: a send that cannot go out must not spend a recipient's limits or a
    // slot of the store. Any code of this length makes an order of the same shape and segment count.
    this.#check(this.#order(recipient, fresh, freshCode, language, request));
    const limits = { cooldownMs: o.cooldownMs, maxSends: o.maxSends, windowMs: o.windowMs };
    const begun = await this.#store.begin(fresh, limits, now);
    const who = `channel=${channel} recipient=${fresh.recipientKey.slice(0, 16)}`;
    if (begun.status === 'cooldown' || begun.status === 'limit') {
      const error = begun.status === 'cooldown' ? 'RESEND_COOLDOWN' : 'TOO_MANY_SENDS';
      const retryAfterSeconds = Math.max(1, Math.ceil(begun.retryAfterMs / 1000));
      this.#logger?.warn(`otp send refused ${error} ${who} retryAfter=${retryAfterSeconds}s`);
      return { success: false, error, retryAfterSeconds };
    }
    const challenge = begun.challenge;
    if (challenge.recipientKey !== fresh.recipientKey || challenge.channel !== channel) {
      throw new AltinnValidationError([
        { path: 'challengeId', message: 'belongs to a live challenge for another recipient' },
      ]);
    }
    const code = this.#keys.deriveCode(challenge, o.codeLength);
    const order = this.#order(recipient, challenge, code, language, request);
    const idempotencyId = this.#keys.idempotencyId(challenge);
    const newChallenge = begun.status === 'created';
    let sent: InstantOrderResult;
    try {
      sent = await this.#deliver(order, { signal: request.signal, secrets: [code] });
    } catch (err) {
      // A failed discard only leaves a challenge nobody has the code of; the send's own error is the one to throw.
      const discarded =
        isNeverSent(err) &&
        (await this.#store.discard(challengeId).then(
          () => true,
          () => false,
        ));
      this.#logger?.warn(
        `otp send failed ${who} idempotencyId=${idempotencyId} error=${(err as Error)?.name ?? 'error'}` +
          (discarded ? ' challenge=discarded' : ' challenge=kept'),
      );
      throw err;
    }
    this.#logger?.log(
      `otp sent ${who} idempotencyId=${idempotencyId} ${newChallenge ? 'new' : 'retry'}` +
        ` expiresAt=${new Date(challenge.expiresAt).toISOString()}`,
    );
    return {
      success: true,
      challengeId,
      channel,
      expiresAt: new Date(challenge.expiresAt),
      ttlSeconds: o.ttlSeconds,
      idempotencyId,
      notificationOrderId: sent.notificationOrderId,
      shipmentId: sent.notification.shipmentId,
      newChallenge,
    };
  }

  /** That example's verify: at most `maxAttempts` guesses per code, single use, expiry, constant-time compare. */
  async verify(target: OtpTarget, code: string): Promise<OtpVerifyResult> {
    const now = this.#options.now();
    const lookup = this.#lookup(target);
    // Spaces are forgiven ("123 456"); anything absurdly long is just a wrong code.
    const input = typeof code === 'string' && code.length <= MAX_CODE_INPUT ? code.replace(/\s+/g, '') : '';
    const checked = lookup
      ? await this.#store.check(lookup, this.#keys.hashCode(input), now)
      : { result: 'NO_OTP_FOUND' as const };
    const who = checked.recipientKey
      ? ` channel=${checked.channel} recipient=${checked.recipientKey.slice(0, 16)}`
      : '';
    const left = checked.attemptsLeft === undefined ? '' : ` attemptsLeft=${checked.attemptsLeft}`;
    const line = `otp verify result=${checked.result}${who}${left}`;
    countOtpVerification(checked.result, checked.channel);
    if (checked.result === 'SUCCESS') {
      this.#logger?.log(line);
      return { success: true, challengeId: checked.challengeId!, channel: checked.channel! };
    }
    this.#logger?.warn(line);
    return {
      success: false,
      error: checked.result,
      ...(checked.attemptsLeft !== undefined && { attemptsLeft: checked.attemptsLeft }),
    };
  }

  #lookup(target: OtpTarget): OtpLookup | undefined {
    if (!target || typeof target !== 'object') return undefined;
    if ('challengeId' in target) {
      const id = target.challengeId;
      return typeof id === 'string' && CHALLENGE_ID_PATTERN.test(id) ? { challengeId: id } : undefined;
    }
    const channel = target.channel;
    if (channel !== 'sms' && channel !== 'email') return undefined;
    const recipient = normaliseRecipient(channel, target.recipient);
    return recipient ? { recipientKey: this.#keys.recipientKey(channel, recipient.key) } : undefined;
  }

  /** The order of a challenge: the same challenge, code and language always make the same order. */
  #order(
    recipient: OtpRecipient & { channel: OtpChannel },
    challenge: OtpChallengeRecord,
    code: string,
    language: OtpLanguage,
    request: OtpSendRequest,
  ): OtpOrder {
    const o = this.#options;
    const message = {
      address: recipient.address,
      code,
      language,
      template: o.templates[language],
      ttlSeconds: o.ttlSeconds,
      idempotencyId: this.#keys.idempotencyId(challenge),
      sendersReference: request.sendersReference ?? `otp-${challenge.challengeId}`,
      sender: o.sender,
    };
    return recipient.channel === 'sms'
      ? { channel: 'sms', order: otpSmsOrder(message) }
      : { channel: 'email', order: otpEmailOrder(message) };
  }

  #check(o: OtpOrder): void {
    if (o.channel === 'sms') this.#notifications.checkInstantSms(o.order);
    else this.#notifications.checkInstantEmail(o.order);
  }

  /** `secrets`: the code is cut from any server text that quotes the request back, in whatever form. */
  #deliver(o: OtpOrder, options: AltinnSendOptions): Promise<InstantOrderResult> {
    return o.channel === 'sms'
      ? this.#notifications.sendInstantSms(o.order, options)
      : this.#notifications.sendInstantEmail(o.order, options);
  }
}

type OtpOrder = { channel: 'sms'; order: InstantSmsOrder } | { channel: 'email'; order: InstantEmailOrder };

/** Failures where Altinn certainly sent nothing: the challenge is useless and may go. */
function isNeverSent(err: unknown): boolean {
  if (err instanceof AltinnValidationError || err instanceof AltinnAuthError) return true;
  return err instanceof AltinnApiError && err.status >= 400 && err.status < 499;
}
