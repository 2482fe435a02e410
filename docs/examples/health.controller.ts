import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { AltinnHealthIndicator } from 'nestjs-altinn-notifications/health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly altinn: AltinnHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    // Up: a token was had and Altinn answered an authenticated read that sends nothing.
    return this.health.check([() => this.altinn.isHealthy('altinn', { timeoutMs: 3000 })]);
  }
}
