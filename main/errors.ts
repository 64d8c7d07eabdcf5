import { formatMessage, type Language, type MessageKey, type MessageParams } from './contract/messages';

/**
 * An error a person can act on. `code` selects the Dutch or English sentence;
 * `params` fill it and also go into the log line, so they must never hold a
 * secret.
 */
export class AppError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(formatMessage(code, params, 'en'), options);
    this.name = 'AppError';
  }

  messageFor(language: Language): string {
    return formatMessage(this.code, this.params, language);
  }
}
