import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import fc from 'fast-check';
import { AltinnValidationError } from '../../lib/index.js';
import { InstantSmsOrderDto, RecipientSmsDto, SmsSettingsDto } from '../../lib/dto/instant-sms-order.dto.js';
import { toWireSmsOrder } from '../../lib/dto/order.validation.js';
import { fastSmsOrder, SMS_FAST_PATH_RULES as RULES } from '../../lib/dto/sms-order.fast-path.js';
import { anyOrder } from '../fuzz/order.arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

/** What `check()` in order.validation.ts decides with class-transformer and class-validator alone. */
function classValidatorAccepts(input: unknown): InstantSmsOrderDto | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  let dto: unknown;
  try {
    dto = plainToInstance(InstantSmsOrderDto, input);
  } catch {
    return undefined;
  }
  if (!(dto instanceof InstantSmsOrderDto)) return undefined;
  return validateSync(dto, { forbidUnknownValues: false }).length === 0 ? dto : undefined;
}

/** The fields a wire order is built from, with absent and null alike (both mean "not given"). */
function fields(order: {
  idempotencyId?: string | null;
  sendersReference?: string | null;
  recipientSms: RecipientSmsDto | InstantSmsOrderDto['recipientSms'];
}) {
  const r = order.recipientSms;
  return {
    idempotencyId: order.idempotencyId ?? undefined,
    sendersReference: order.sendersReference ?? undefined,
    phoneNumber: r.phoneNumber,
    timeToLiveInSeconds: r.timeToLiveInSeconds,
    sender: r.smsSettings.sender ?? undefined,
    body: r.smsSettings.body,
  };
}

const PHONES = ['+4799999999', '+4741234567', '0047 99999999', ' +47 900 12 345 ', '+46701234567'];
const validOrder = fc.record(
  {
    idempotencyId: fc.oneof(fc.uuid(), fc.constant(null)),
    sendersReference: fc.oneof(fc.string(), fc.constant(null)),
    recipientSms: fc.record(
      {
        phoneNumber: fc.constantFrom(...PHONES),
        timeToLiveInSeconds: fc.integer({ min: RULES.timeToLiveMin, max: RULES.timeToLiveMax }),
        smsSettings: fc.record(
          {
            sender: fc.oneof(fc.string({ maxLength: RULES.senderMaxLength }), fc.constant(null)),
            body: fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim() !== ''),
          },
          { requiredKeys: ['body'], noNullPrototype: true },
        ),
      },
      { noNullPrototype: true },
    ),
  },
  { requiredKeys: ['recipientSms'], noNullPrototype: true },
);

describe('SMS validation fast path', () => {
  it('mirrors every rule InstantSmsOrderDto declares (update sms-order.fast-path.ts when this fails)', () => {
    const storage = getMetadataStorage();
    const declared = [InstantSmsOrderDto, RecipientSmsDto, SmsSettingsDto].flatMap((type) =>
      storage.getTargetValidationMetadatas(type, '', true, false).map((m) => {
        expect(m.each).toBeFalsy();
        expect(m.groups ?? []).toEqual([]);
        const bound = ['min', 'max', 'maxLength'].includes(m.name ?? '') ? `(${m.constraints[0]})` : '';
        return `${type.name}.${m.propertyName} ${m.name ?? m.type}${bound}`;
      }),
    );
    expect(declared.sort()).toEqual(
      [
        'InstantSmsOrderDto.idempotencyId isOptional',
        'InstantSmsOrderDto.idempotencyId isNotBlank',
        'InstantSmsOrderDto.sendersReference isOptional',
        'InstantSmsOrderDto.sendersReference isString',
        'InstantSmsOrderDto.recipientSms isObject',
        'InstantSmsOrderDto.recipientSms nestedValidation',
        'RecipientSmsDto.phoneNumber isAltinnPhoneNumber',
        'RecipientSmsDto.timeToLiveInSeconds isInt',
        `RecipientSmsDto.timeToLiveInSeconds min(${RULES.timeToLiveMin})`,
        `RecipientSmsDto.timeToLiveInSeconds max(${RULES.timeToLiveMax})`,
        'RecipientSmsDto.smsSettings isObject',
        'RecipientSmsDto.smsSettings nestedValidation',
        'SmsSettingsDto.sender isOptional',
        'SmsSettingsDto.sender isString',
        `SmsSettingsDto.sender maxLength(${RULES.senderMaxLength})`,
        'SmsSettingsDto.body isNotBlank',
      ].sort(),
    );
  });

  it('accepts only what class-validator accepts, with the same field values (generated orders)', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        anyOrder.filter((o) => o.channel === 'sms'),
        ({ order }) => {
          const accepted = fastSmsOrder(order);
          if (accepted === undefined) return;
          fast += 1;
          const dto = classValidatorAccepts(order);
          expect(dto).toBeDefined();
          expect(fields(accepted)).toEqual(fields(dto!));
        },
      ),
      { numRuns: RUNS },
    );
    // The generator is mostly valid orders: a fast path that never fires would make this test vacuous.
    expect(fast).toBeGreaterThan(RUNS / 10);
  });

  it('takes every plain valid order, and the wire body is the one the class-validator path builds', () => {
    fc.assert(
      fc.property(validOrder, (order) => {
        const accepted = fastSmsOrder(order);
        expect(accepted).toBeDefined();
        expect(classValidatorAccepts(order)).toBeDefined();
        // A DTO instance is not a plain object: it goes the class-validator way, and must end up the same.
        const viaInstance = toWireSmsOrder(plainToInstance(InstantSmsOrderDto, order), {});
        const viaFastPath = toWireSmsOrder(order as never, {});
        if (order.idempotencyId == null) viaInstance.idempotencyId = viaFastPath.idempotencyId;
        expect(viaFastPath).toEqual(viaInstance);
      }),
      { numRuns: RUNS / 3 },
    );
  });

  it('leaves the edges to class-validator, which still rejects them with its own messages', () => {
    const base = {
      recipientSms: { phoneNumber: '+4799999999', timeToLiveInSeconds: 300, smsSettings: { body: 'Kode 1' } },
    };
    const cases: Array<[string, unknown]> = [
      ['ttl 59', { recipientSms: { ...base.recipientSms, timeToLiveInSeconds: 59 } }],
      ['ttl 300.5', { recipientSms: { ...base.recipientSms, timeToLiveInSeconds: 300.5 } }],
      ['ttl "300"', { recipientSms: { ...base.recipientSms, timeToLiveInSeconds: '300' } }],
      [
        'sender of 12',
        { recipientSms: { ...base.recipientSms, smsSettings: { sender: 'x'.repeat(12), body: 'a' } } },
      ],
      ['blank body', { recipientSms: { ...base.recipientSms, smsSettings: { body: ' \t' } } }],
      ['blank idempotencyId', { ...base, idempotencyId: '  ' }],
      ['numeric sendersReference', { ...base, sendersReference: 7 }],
      ['array recipient', { recipientSms: [base.recipientSms] }],
      ['invalid phone', { recipientSms: { ...base.recipientSms, phoneNumber: '+4712345678' } }],
    ];
    for (const [name, order] of cases) {
      expect([name, fastSmsOrder(order)]).toEqual([name, undefined]);
      expect(() => toWireSmsOrder(order as never, {})).toThrow(AltinnValidationError);
    }
  });

  it('sends what it checked, even when the caller’s object answers differently on a second read', () => {
    let reads = 0;
    const recipientSms = {
      get phoneNumber() {
        reads += 1;
        return reads === 1 ? '+4799999999' : 'not a number';
      },
      timeToLiveInSeconds: 300,
      smsSettings: { body: 'Kode 1' },
    };
    const wire = toWireSmsOrder({ recipientSms }, {});
    expect(wire.recipientSms.phoneNumber).toBe('+4799999999');
    expect(reads).toBe(1);
  });
});
