/** @internal GSM 03.38 basic character set: one septet each. */
export const GSM7_BASIC = new Set(
  [
    '@£$¥èéùìòÇ\nØø\rÅå',
    'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ',
    ' !"#¤%&\'()*+,-./',
    '0123456789:;<=>?',
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§',
    '¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ].join(''),
);

/** @internal GSM 03.38 extension table: an escape septet plus one, so two each. */
export const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

/** @internal Altinn counts one message up to this URL-encoded length… */
export const ALTINN_SINGLE_SMS_LENGTH = 160;
/** @internal …and this many per message above it. */
export const ALTINN_SEGMENT_LENGTH = 134;
/** @internal The gateway sends at most this many parts and silently drops the rest. */
export const ALTINN_MAX_SEGMENTS = 16;
