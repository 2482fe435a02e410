import { Body, Controller, Post } from '@nestjs/common';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { AltinnNotificationsService } from '../../lib/index.js';

export class ScheduledNotificationDto {
  @Matches(/^\d{11}$/, { message: '$property must be 11 digits' })
  nationalIdentityNumber!: string;

  /** Minutes from now until the notification; at least 10 (the library refuses send times < 5 min ahead). */
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(60 * 24 * 30)
  inMinutes?: number;
}

/** "Your application was received" to a person, with one reminder a week later. */
@Controller('notifications')
export class ScheduledController {
  constructor(private readonly altinn: AltinnNotificationsService) {}

  @Post('scheduled')
  schedule(@Body() dto: ScheduledNotificationDto) {
    const person = { nationalIdentityNumber: dto.nationalIdentityNumber, channelSchema: 'Sms' as const };
    return this.altinn.sendOrder({
      requestedSendTime: new Date(Date.now() + (dto.inMinutes ?? 10) * 60_000),
      recipient: { recipientPerson: { ...person, smsSettings: { body: 'Søknaden din er mottatt.' } } },
      reminders: [
        {
          delayDays: 7,
          recipient: {
            recipientPerson: { ...person, smsSettings: { body: 'Påminnelse: saken venter på deg.' } },
          },
        },
      ],
    });
  }
}
