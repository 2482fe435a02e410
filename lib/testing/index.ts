export { AltinnSimulator } from './altinn-simulator.js';
export type { ContactRegistry, OrganisationContact, PersonContact } from './contact-registry.js';
export type { FeedEntry } from './shipment-feed.store.js';
export type {
  AltinnSimulatorOptions,
  ConditionCheck,
  FaultHandle,
  FaultMatch,
  IssueTokenOptions,
  MaskinportenClientRegistration,
  OutboxEntry,
  SimulatorChannel,
  SimulatorCounters,
  SimulatorDelivery,
  SimulatorFault,
  SimulatorOrder,
  SimulatorPublicKey,
  SimulatorRequestRecord,
} from './simulator.interfaces.js';
