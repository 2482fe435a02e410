import { jsonReply, traceId, type Reply } from './simulator.http.js';

export type ValidationErrors = Record<string, string[]>;

/** The Altinn error catalogue (`CORE/Errors/Problems.cs`), code → HTTP status, title, reason phrase. */
const ALTINN_PROBLEMS = {
  'NOT-00001': {
    status: 422,
    title: 'Missing contact information for recipient(s)',
    reason: 'Unprocessable Entity',
  },
  'NOT-00002': {
    status: 499,
    title: 'The client disconnected or cancelled the request before the server could complete processing',
    reason: '',
  },
  'NOT-00003': { status: 404, title: 'Shipment not found', reason: 'Not Found' },
  'NOT-00004': { status: 503, title: 'A temporary network failure occurred', reason: 'Service Unavailable' },
} as const;

export type AltinnProblemCode = keyof typeof ALTINN_PROBLEMS;

/** `AltinnProblemDetails` as ProblemDetails 5.x serialises it: message in `title`, no `detail`. */
export function altinnProblem(code: AltinnProblemCode): Reply {
  const problem = ALTINN_PROBLEMS[code];
  return jsonReply(problem.status, {
    type: `urn:altinn:error:${code}`,
    title: problem.title,
    status: problem.status,
    code,
    traceId: traceId(),
    statusDescription: problem.reason,
  });
}

/** ASP.NET Core's `ValidationProblemDetails`, the body of every 400 from the instant endpoints. */
export function validationProblem(errors: ValidationErrors): Reply {
  return jsonReply(400, {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
    title: 'One or more validation errors occurred.',
    status: 400,
    errors,
    traceId: traceId(),
  });
}

/** ASP.NET Core's client-error ProblemDetails for a `[Consumes]` mismatch. */
export function unsupportedMediaType(): Reply {
  return jsonReply(415, {
    type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
    title: 'Unsupported Media Type',
    status: 415,
    traceId: traceId(),
  });
}
