import { ServiceError } from '../errors/service-error.js';
import type { HandlerResult } from '../http/handler-types.js';

// Lambda's error answers, as its front end words them, and its JSON responses.

export function notFound(arn: string): ServiceError {
  return new ServiceError(404, 'ResourceNotFoundException', `Function not found: ${arn}`);
}
export function invalid(message: string): ServiceError {
  return new ServiceError(400, 'InvalidParameterValueException', message);
}
/** A constraint of the model broken, as Lambda's front end reports it. */
export function validation(value: unknown, member: string, constraint: string): ServiceError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new ServiceError(
    400,
    'ValidationException',
    `1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): HandlerResult {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** A request body Lambda cannot read as the operation's JSON. */
export function badContent(message: string): ServiceError {
  return new ServiceError(400, 'InvalidRequestContentException', message);
}
