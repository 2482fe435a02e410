// `nestjs-altinn-notifications/health`: kept out of the main entry so the library loads without @nestjs/terminus.
export { AltinnHealthIndicator, type AltinnHealthCheckOptions } from './altinn-health.indicator.js';
