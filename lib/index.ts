// The whole public API. Internals (resolved options, the HTTP client, the audit recorder) stay unexported.
export { AltinnNotificationsModule } from './altinn-notifications.module.js';
export { AltinnNotificationsService } from './altinn-notifications.service.js';
export { ALTINN_TOKEN_PROVIDER, ALTINN_NOTIFICATIONS_SCOPE } from './altinn-notifications.constants.js';
export type {
  AltinnAuditRecord,
  AltinnChannel,
  AltinnEnvironment,
  AltinnLoggingOptions,
  AltinnNotificationsModuleAsyncOptions,
  AltinnNotificationsModuleExtras,
  AltinnNotificationsModuleOptions,
  AltinnNotificationsOptionsFactory,
  AltinnOrderCheckOptions,
  AltinnOrderDefaults,
  AltinnRetryOptions,
  AltinnSendOptions,
  InstantOrderResult,
} from './altinn-notifications.interfaces.js';
export type { AltinnTokenPrefetchOptions, AltinnTokenProvider } from './auth/token-provider.interfaces.js';
export { StaticTokenProvider } from './auth/static-token.provider.js';
export { MaskinportenTokenProvider } from './auth/maskinporten-token.provider.js';
export type {
  MaskinportenEnvironment,
  MaskinportenOptions,
  MaskinportenPrivateJwk,
} from './auth/maskinporten.interfaces.js';
export { InstantOrderBaseDto } from './dto/instant-order-base.dto.js';
export { InstantSmsOrderDto, RecipientSmsDto, SmsSettingsDto } from './dto/instant-sms-order.dto.js';
export {
  InstantEmailOrderDto,
  RecipientEmailDto,
  EmailSettingsDto,
  type EmailContentType,
} from './dto/instant-email-order.dto.js';
export type { InstantEmailOrder, InstantSmsOrder } from './dto/order.interfaces.js';
export { IsAltinnEmail, IsAltinnPhoneNumber, IsNotBlank } from './dto/validators/altinn.decorators.js';
export {
  AltinnApiError,
  AltinnAuthError,
  AltinnNotificationsError,
  AltinnRequestError,
  AltinnValidationError,
  type AltinnApiErrorDetails,
  type AltinnFieldError,
} from './errors/altinn-notifications.error.js';
export { AltinnConfigurationError } from './errors/altinn-configuration.error.js';
export { AltinnExceptionFilter, type AltinnProblem } from './errors/altinn-exception.filter.js';
export { AltinnOtpModule } from './otp/otp.module.js';
export { AltinnOtpService } from './otp/otp.service.js';
export { ALTINN_OTP_STORE } from './otp/otp.constants.js';
export { AltinnOtpStoreError } from './otp/otp-store.error.js';
export { ALTINN_OTP_DEFAULT_TEMPLATES } from './otp/otp.templates.js';
export { InMemoryOtpStore, type InMemoryOtpStoreOptions } from './otp/in-memory-otp.store.js';
export { RedisOtpStore, type OtpRedisClient, type RedisOtpStoreOptions } from './otp/redis-otp.store.js';
export type {
  AltinnOtpModuleOptions,
  OtpChannel,
  OtpLanguage,
  OtpSendRequest,
  OtpSendResult,
  OtpTarget,
  OtpTemplate,
  OtpVerifyError,
  OtpVerifyResult,
} from './otp/otp.interfaces.js';
export type {
  OtpBeginResult,
  OtpChallengeRecord,
  OtpCheckResult,
  OtpLookup,
  OtpSendLimits,
  OtpStore,
} from './otp/otp-store.interfaces.js';
export {
  InjectAltinnNotifications,
  InjectAltinnTokenProvider,
  getAltinnNotificationsToken,
  getAltinnTokenProviderToken,
} from './altinn-notifications.decorators.js';
export { countSmsSegments, type SmsSegmentCount } from './sms/sms-segments.js';
export { ALTINN_SMS_SENDER_MAX_LENGTH } from './sms/sms-sender.js';
export type {
  AltinnEmailStatus,
  AltinnOrderStatus,
  AltinnRecipientStatus,
  AltinnShipment,
  AltinnShipmentRecipient,
  AltinnShipmentStatus,
  AltinnShipmentType,
  AltinnSmsStatus,
} from './shipment/shipment.interfaces.js';
export { isFinalShipmentStatus } from './shipment/shipment.status.js';
export type { AltinnSendKind } from './altinn-notifications.constants.js';
export {
  DialogportenAssociationDto,
  NotificationOrderDto,
  NotificationReminderDto,
} from './orders/notification-order.dto.js';
export {
  NotificationRecipientDto,
  OrderEmailRecipientDto,
  OrderExternalIdentityRecipientDto,
  OrderLookupRecipientDto,
  OrderOrganizationRecipientDto,
  OrderPersonRecipientDto,
  OrderSmsRecipientDto,
} from './orders/order-recipient.dto.js';
export { OrderEmailSettingsDto, OrderSmsSettingsDto } from './orders/order-settings.dto.js';
export { AltinnOrderNotCancellableError } from './orders/order.errors.js';
export type {
  CancelOrderResult,
  CancelOrderTarget,
  NotificationOrder,
  NotificationOrderResult,
  NotificationRecipient,
  NotificationReminder,
  OrderChannelSchema,
  OrderEmailRecipient,
  OrderEmailSettings,
  OrderExternalIdentityRecipient,
  OrderLookupRecipient,
  OrderOrganizationRecipient,
  OrderPersonRecipient,
  OrderSendTime,
  OrderSendingTimePolicy,
  OrderShipmentReceipt,
  OrderSmsRecipient,
  OrderSmsSettings,
  SendOrderOptions,
} from './orders/order.interfaces.js';
export { AltinnStatusFeed } from './feed/status-feed.js';
export { InjectAltinnStatusFeed, getAltinnStatusFeedToken } from './altinn-notifications.decorators.js';
export { InMemoryFeedCursorStore } from './feed/in-memory-feed-cursor.store.js';
export {
  RedisFeedCursorStore,
  type FeedRedisClient,
  type RedisFeedCursorStoreOptions,
} from './feed/redis-feed-cursor.store.js';
export type {
  AltinnStatusFeedEntry,
  AltinnStatusFeedHandler,
  AltinnStatusFeedOptions,
  AltinnStatusFeedPollResult,
  AltinnStatusFeedRecipient,
  FeedCursorStore,
} from './feed/status-feed.interfaces.js';
