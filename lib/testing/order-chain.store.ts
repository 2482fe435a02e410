import type { RecipientSpec } from './order.types.js';

export type ShipmentType = 'Notification' | 'Reminder';

export type OrderStatus =
  | 'Order_Registered'
  | 'Order_Processing'
  | 'Order_Processed'
  | 'Order_Completed'
  | 'Order_SendConditionNotMet'
  | 'Order_Cancelled';

/** One notification generated at send time (per address and channel). */
export interface NotificationRecord {
  channel: 'sms' | 'email';
  /** `""` for reserved / not identified recipients, as the server writes it. */
  destination: string;
  /** When it goes out (held SMS wait for the Daytime window); undefined for ones that failed at once. */
  sendAt?: number;
  /** A final status fixed at creation (`*_Failed_RecipientReserved` …) or by a delivery outcome the test set. */
  fixedStatus?: string;
  createdAt: number;
  from: string;
  subject?: string;
  body: string;
  contentType?: 'Plain' | 'Html';
}

/** One shipment of a `/future/orders` chain (the main notification or a reminder). */
export interface ShipmentRecord {
  readonly shipmentId: string;
  readonly chainId: string;
  readonly org: string;
  readonly idempotencyId: string;
  readonly type: ShipmentType;
  readonly sendersReference?: string;
  readonly requestedSendTime: number;
  readonly conditionEndpoint?: string;
  readonly recipient: RecipientSpec;
  readonly created: number;
  status: OrderStatus;
  processed?: number;
  completed?: number;
  conditionAttempts: number;
  notifications: NotificationRecord[];
}

export interface ChainRecord {
  readonly chainId: string;
  readonly org: string;
  readonly idempotencyId: string;
  readonly main: ShipmentRecord;
  readonly reminders: readonly ShipmentRecord[];
  /** The JSON body exactly as received. */
  readonly request: unknown;
}

/** Order chains, keyed by (org, idempotencyId) for type Notification, a key space apart from instant orders. */
export class OrderChainStore {
  readonly chains: ChainRecord[] = [];
  private readonly byKey = new Map<string, ChainRecord>();
  private readonly byShipment = new Map<string, ShipmentRecord>();

  private static key(org: string, idempotencyId: string): string {
    return JSON.stringify([org, idempotencyId]);
  }

  find(org: string, idempotencyId: string): ChainRecord | undefined {
    return this.byKey.get(OrderChainStore.key(org, idempotencyId));
  }

  shipment(shipmentId: string): ShipmentRecord | undefined {
    return this.byShipment.get(shipmentId.toLowerCase());
  }

  get shipments(): ShipmentRecord[] {
    return [...this.byShipment.values()];
  }

  insert(chain: ChainRecord): void {
    this.byKey.set(OrderChainStore.key(chain.org, chain.idempotencyId), chain);
    for (const s of [chain.main, ...chain.reminders]) this.byShipment.set(s.shipmentId, s);
    this.chains.push(chain);
  }

  clear(): void {
    this.chains.length = 0;
    this.byKey.clear();
    this.byShipment.clear();
  }
}

/** The chain response body; `reminders` and null `sendersReference` left out like the server does. */
export function chainReceipt(chain: ChainRecord): object {
  const ref = (s: ShipmentRecord) =>
    s.sendersReference === undefined ? {} : { sendersReference: s.sendersReference };
  return {
    notificationOrderId: chain.chainId,
    notification: {
      shipmentId: chain.main.shipmentId,
      ...ref(chain.main),
      ...(chain.reminders.length === 0
        ? {}
        : { reminders: chain.reminders.map((r) => ({ shipmentId: r.shipmentId, ...ref(r) })) }),
    },
  };
}
