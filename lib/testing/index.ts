export { AltinnSimulator } from './altinn-simulator.js';
export type {
  AltinnSimulatorOptions,
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
