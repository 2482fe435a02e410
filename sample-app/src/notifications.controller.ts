import { Body, Controller, Post } from '@nestjs/common';
import { AltinnNotificationsService, InstantEmailOrderDto, InstantSmsOrderDto } from '../../lib/index.js';

/** The plain instant endpoints: the body is the guide's JSON, checked by the global ValidationPipe. */
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  @Post('sms')
  sendSms(@Body() order: InstantSmsOrderDto) {
    return this.altinn.sendInstantSms(order);
  }

  @Post('email')
  sendEmail(@Body() order: InstantEmailOrderDto) {
    return this.altinn.sendInstantEmail(order);
  }
}
