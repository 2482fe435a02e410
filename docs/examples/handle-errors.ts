import {
  AltinnApiError,
  AltinnAuthError,
  AltinnNotificationsService,
  AltinnRequestError,
  AltinnValidationError,
  type InstantSmsOrder,
} from 'nestjs-altinn-notifications';

export async function sendOrExplain(
  altinn: AltinnNotificationsService,
  order: InstantSmsOrder,
): Promise<string> {
  try {
    return (await altinn.sendInstantSms(order)).notification.shipmentId;
  } catch (error) {
    if (error instanceof AltinnValidationError) {
      // Refused locally by Altinn's own rules; nothing was sent. errors: [{ path, message }]
      return `invalid: ${error.errors.map((e) => e.path).join(', ')}`;
    }
    if (error instanceof AltinnApiError) {
      // Altinn answered an error status (after the retries): status, code ('NOT-00004' …), retryable, attempts
      return `Altinn ${error.status} ${error.code ?? ''}`;
    }
    if (error instanceof AltinnRequestError) return `no answer: ${error.reason}`; // 'timeout' | 'network' | 'aborted'
    if (error instanceof AltinnAuthError) return 'no token'; // Maskinporten or the token exchange failed
    throw error;
  }
}
