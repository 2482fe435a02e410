/** Shorter values are left alone: redacting them would garble ordinary words in Altinn's messages. */
const MIN_LENGTH = 4;

/**
 * @internal A function that cuts, from server text, what this request carried that must never reach an error:
 * the token, the recipient, the subject and the body. Altinn's own messages never quote them, but a proxy in
 * front of it may echo the request back.
 */
export function echoRedactor(body: unknown, token: string): (text: string) => string {
  const order = (body ?? {}) as {
    recipientSms?: { phoneNumber?: unknown; smsSettings?: { body?: unknown } };
    recipientEmail?: { emailAddress?: unknown; emailSettings?: { subject?: unknown; body?: unknown } };
  };
  const values = [
    token,
    order.recipientSms?.phoneNumber,
    order.recipientSms?.smsSettings?.body,
    order.recipientEmail?.emailAddress,
    order.recipientEmail?.emailSettings?.subject,
    order.recipientEmail?.emailSettings?.body,
  ]
    .filter((v): v is string => typeof v === 'string' && v.trim().length >= MIN_LENGTH)
    .sort((a, b) => b.length - a.length); // a body that contains the subject goes first
  return (text) => values.reduce((out, value) => out.split(value).join('[redacted]'), text);
}
