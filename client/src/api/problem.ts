/** An RFC 9457 problem, normalised from whatever the generated client throws. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
  /** The same field errors with a stable code each, when the server sends them. */
  fieldErrors?: FieldError[];
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Code used when the browser could not reach the server at all. */
export const NETWORK_ERROR_CODE = 'network.unavailable';
/** Code used for any other failure that carries no problem. */
export const UNEXPECTED_ERROR_CODE = 'client.unexpected';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function fieldErrors(value: unknown): Record<string, string[]> | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value).map(([field, messages]): [string, string[]] => [
    field,
    (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string'),
  ]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function fieldErrorList(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter(
    (item): item is FieldError =>
      isObject(item) &&
      typeof item.field === 'string' &&
      typeof item.code === 'string' &&
      typeof item.message === 'string',
  );
  return list.length > 0 ? list : undefined;
}

function fromBody(body: JsonObject, status: number): Problem {
  const resolvedStatus = typeof body.status === 'number' ? body.status : status;
  return {
    status: resolvedStatus,
    code: text(body.code) ?? `http.${resolvedStatus}`,
    title: text(body.title) ?? '',
    detail: text(body.detail),
    traceId: text(body.traceId),
    errors: fieldErrors(body.errors),
    fieldErrors: fieldErrorList(body.fieldErrors),
  };
}

function parseJson(responseText: unknown): unknown {
  if (typeof responseText !== 'string' || responseText.length === 0) return undefined;
  try {
    return JSON.parse(responseText);
  } catch {
    return undefined;
  }
}

/** NSwag's ApiException, recognised by shape so this module does not depend on the generated file. */
interface ApiExceptionLike {
  isApiException: true;
  status: number;
  response: string;
}

function isApiException(error: unknown): error is ApiExceptionLike {
  return isObject(error) && error.isApiException === true && typeof error.status === 'number';
}

function isProblemBody(value: unknown): value is JsonObject {
  return isObject(value) && ('code' in value || 'title' in value || 'status' in value);
}

/**
 * Turns an error thrown by the generated client into a problem: an ApiException (status and
 * response text), a parsed problem object the client threw for a documented status, or a
 * network failure.
 */
export function toProblem(error: unknown): Problem {
  if (isApiException(error)) {
    const body = parseJson(error.response);
    return isProblemBody(body)
      ? fromBody(body, error.status)
      : { status: error.status, code: `http.${error.status}`, title: '' };
  }
  if (error instanceof TypeError) {
    return { status: 0, code: NETWORK_ERROR_CODE, title: '' };
  }
  if (isProblemBody(error) && !(error instanceof Error)) {
    return fromBody(error, 0);
  }
  return { status: 0, code: UNEXPECTED_ERROR_CODE, title: '' };
}
