/** A `POST /future/orders` request after binding and validation, in the simulator's own terms. */
export type ChannelSchema = 'Email' | 'Sms' | 'EmailPreferred' | 'SmsPreferred' | 'EmailAndSms';

export interface EmailContent {
  subject: string;
  body: string;
  senderEmailAddress: string | null;
  contentType: 'Plain' | 'Html';
}

export interface SmsContent {
  body: string;
  sender: string | null;
  /** `sendingTimePolicy: Daytime` (the SMS default): only sent between 09:00 and 17:00 Europe/Oslo. */
  daytime: boolean;
}

export type RecipientSpec =
  | { kind: 'email'; address: string; email: EmailContent }
  | { kind: 'sms'; phoneNumber: string; sms: SmsContent }
  | {
      kind: 'person' | 'organisation' | 'externalIdentity';
      id: string;
      channelSchema: ChannelSchema;
      ignoreReservation: boolean;
      email?: EmailContent;
      sms?: SmsContent;
    };

export interface ShipmentSpec {
  sendersReference?: string;
  /** Epoch ms. */
  requestedSendTime: number;
  conditionEndpoint?: string;
  recipient: RecipientSpec;
}

export interface ChainSpec {
  idempotencyId: string;
  main: ShipmentSpec;
  reminders: ShipmentSpec[];
}
