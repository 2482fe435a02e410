import type {
  SimulatorCounters,
  SimulatorDelivery,
  SimulatorOrder,
  SimulatorRequestRecord,
} from './simulator.interfaces.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The simulator's "database": orders, sent messages, the request log and counters. */
export class SimulatorStore {
  readonly orders: SimulatorOrder[] = [];
  readonly deliveries: SimulatorDelivery[] = [];
  readonly requests: Mutable<SimulatorRequestRecord>[] = [];
  readonly counters: Mutable<SimulatorCounters> = { grants: 0, exchanges: 0, notificationRequests: 0 };
  // Unique index (creator org, idempotencyId) like `orderschain_unique_idempotency_creator_type`;
  // SMS and email share it, and matching is exact and case-sensitive.
  private readonly byKey = new Map<string, SimulatorOrder>();
  private readonly byShipment = new Map<string, SimulatorOrder>();

  private static key(org: string, idempotencyId: string): string {
    return JSON.stringify([org, idempotencyId]);
  }

  findOrder(org: string, idempotencyId: string): SimulatorOrder | undefined {
    return this.byKey.get(SimulatorStore.key(org, idempotencyId));
  }

  findByShipment(shipmentId: string): SimulatorOrder | undefined {
    return this.byShipment.get(shipmentId.toLowerCase());
  }

  /** False when the unique index already holds the key (the real server then throws → 500). */
  insertOrder(order: SimulatorOrder): boolean {
    const key = SimulatorStore.key(order.org, order.idempotencyId);
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, order);
    this.byShipment.set(order.shipmentId.toLowerCase(), order);
    this.orders.push(order);
    return true;
  }

  deliveryFor(shipmentId: string): SimulatorDelivery | undefined {
    return this.deliveries.find((d) => d.shipmentId === shipmentId);
  }

  sentCount(idempotencyId: string): number {
    return this.deliveries.filter((d) => d.idempotencyId === idempotencyId).length;
  }

  reset(): void {
    this.orders.length = 0;
    this.deliveries.length = 0;
    this.requests.length = 0;
    this.byKey.clear();
    this.byShipment.clear();
    this.counters.grants = 0;
    this.counters.exchanges = 0;
    this.counters.notificationRequests = 0;
  }
}
