/**
 * The single entry point every host uses: validates the input against the
 * contract's schema, runs the handler and turns any failure into an
 * ApiErrorBody with a sentence in the person's language.
 */
import { apiInputs, isApiName, type ApiErrorBody, type ApiName, type ApiResponse } from '../contract/api';
import type { Language } from '../contract/messages';
import { AppError } from '../errors';
import type { Logger } from '../log/logger';
import type { Handlers } from './handlers';

export function toErrorBody(error: unknown, language: Language, log: Logger, context: Record<string, unknown> = {}): ApiErrorBody {
  if (error instanceof AppError) {
    log.warn({ ...context, code: error.code, params: error.params, cause: (error.cause as Error | undefined)?.message }, error.message);
    return { code: error.code, message: error.messageFor(language) };
  }
  log.error({ ...context, err: error }, 'unexpected failure');
  const internal = new AppError('internal', { reason: (error as Error)?.message ?? String(error) });
  return { code: internal.code, message: internal.messageFor(language) };
}

export async function invokeApi(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  options: { language: Language; log: Logger },
): Promise<ApiResponse<ApiName>> {
  if (!isApiName(name)) {
    return { ok: false, error: toErrorBody(new AppError('api.unknown', { name }), options.language, options.log) };
  }

  const parsed = apiInputs[name].safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : '(input)';
    const error = new AppError('input.invalid', { field, problem: issue.message });
    return { ok: false, error: toErrorBody(error, options.language, options.log, { api: name }) };
  }

  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const result = await handler(parsed.data);
    return { ok: true, result } as ApiResponse<ApiName>;
  } catch (error) {
    return { ok: false, error: toErrorBody(error, options.language, options.log, { api: name }) };
  }
}
