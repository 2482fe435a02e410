import type { ValidationErrors } from './simulator.problems.js';

/**
 * A small imitation of what ASP.NET Core does before FluentValidation runs: System.Text.Json binding
 * (case-insensitive names, numbers from strings, unknown properties ignored, missing `required` members fail)
 * and then DataAnnotations `[Required]` (null, empty and whitespace-only strings fail).
 */
export type FieldSchema =
  | { kind: 'string'; json: string; cs: string; required?: boolean }
  | { kind: 'int32'; json: string; cs: string; required?: boolean; nullable?: boolean }
  | { kind: 'bool'; json: string; cs: string; required?: boolean }
  | { kind: 'datetime'; json: string; cs: string; required?: boolean; nullable?: boolean }
  | { kind: 'enum'; json: string; cs: string; values: readonly string[]; required?: boolean }
  | { kind: 'array'; json: string; cs: string; required?: boolean; items: ObjectSchema }
  | ObjectSchema;

export interface ObjectSchema {
  kind: 'object';
  json: string;
  cs: string;
  /** .NET type name, used in the binder's error messages. */
  type: string;
  required?: boolean;
  fields: readonly FieldSchema[];
}

/** A bound value: strings, numbers, booleans, enum names, nested objects or lists keyed by the schema's JSON names. */
export type Bound = { [json: string]: string | number | boolean | Bound | Bound[] | null };

class BindingError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const CLR_TYPES = {
  string: 'System.String',
  int32: 'System.Int32',
  bool: 'System.Boolean',
  datetime: 'System.DateTime',
} as const;

/** The ISO 8601 forms System.Text.Json reads into a `DateTime` (date only, minutes, seconds, fraction, zone). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,16})?)?(Z|[+-]\d{2}(:\d{2})?)?)?$/;

function convertError(path: string, type: string): BindingError {
  return new BindingError(path, `The JSON value could not be converted to ${type}. Path: ${path}.`);
}

function bindField(field: FieldSchema, value: unknown, path: string): Bound[string] {
  switch (field.kind) {
    case 'bool':
      if (value === null || typeof value === 'boolean') return value;
      throw convertError(path, CLR_TYPES.bool);
    case 'datetime':
      if (value === null && field.nullable) return null;
      if (typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
        return value;
      }
      throw convertError(path, CLR_TYPES.datetime);
    case 'array':
      if (value === null) return null;
      if (!Array.isArray(value))
        throw convertError(path, `System.Collections.Generic.List\`1[${field.items.type}]`);
      return value.map((item, i) => bindObject(field.items, item, `${path}[${i}]`));
    case 'string':
      if (value === null || typeof value === 'string') return value;
      throw convertError(path, CLR_TYPES.string);
    case 'int32': {
      if (value === null && field.nullable) return null;
      // Web defaults allow numbers written as JSON strings.
      const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof n === 'number' && Number.isInteger(n) && n >= -2147483648 && n <= 2147483647) return n;
      throw convertError(path, CLR_TYPES.int32);
    }
    case 'enum': {
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string') {
        const named = field.values.find((v) => v.toLowerCase() === value.trim().toLowerCase());
        if (named) return named;
        if (/^-?\d+$/.test(value.trim())) return Number(value.trim());
      }
      throw convertError(path, field.cs);
    }
    case 'object':
      if (value === null) return null;
      return bindObject(field, value, path);
  }
}

function bindObject(schema: ObjectSchema, value: unknown, path: string): Bound {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw convertError(path, schema.type);
  }
  const bound: Bound = {};
  const seen = new Set<string>();
  for (const [name, raw] of Object.entries(value)) {
    const field = schema.fields.find((f) => f.json.toLowerCase() === name.toLowerCase());
    if (!field) continue;
    bound[field.json] = bindField(field, raw, `${path}.${name}`);
    seen.add(field.json);
  }
  const missing = schema.fields.filter((f) => f.required && !seen.has(f.json)).map((f) => f.json);
  if (missing.length > 0) {
    throw new BindingError(
      path,
      `JSON deserialization for type '${schema.type}' was missing required properties including: ${missing
        .map((m) => `'${m}'`)
        .join(', ')}.`,
    );
  }
  for (const field of schema.fields) if (!seen.has(field.json)) bound[field.json] = null;
  return bound;
}

/** Binds the raw body text; errors are keyed like ASP.NET's (`$…` JSON path plus `request`). */
export function bindBody(
  schema: ObjectSchema,
  text: string,
): { ok: true; value: Bound; json: unknown } | { ok: false; errors: ValidationErrors } {
  const requestRequired = ['The request field is required.'];
  if (text.length === 0) {
    return { ok: false, errors: { '': ['A non-empty request body is required.'], request: requestRequired } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'invalid JSON';
    return {
      ok: false,
      errors: { $: [`The JSON value is not valid: ${reason}. Path: $.`], request: requestRequired },
    };
  }
  try {
    return { ok: true, value: bindObject(schema, json, '$'), json };
  } catch (err) {
    if (!(err instanceof BindingError)) throw err;
    return { ok: false, errors: { [err.path]: [err.message], request: requestRequired } };
  }
}

/** DataAnnotations `[Required]` over the bound model; keys are .NET property paths (`RecipientSms.PhoneNumber`). */
export function checkRequired(schema: ObjectSchema, value: Bound, prefix = ''): ValidationErrors {
  const errors: ValidationErrors = {};
  for (const field of schema.fields) {
    const key = `${prefix}${field.cs}`;
    const v = value[field.json];
    const blank =
      v === null || v === undefined || (typeof v === 'string' && v.replace(/\u0085/g, '').trim() === '');
    if (field.required && blank && field.kind !== 'int32') {
      errors[key] = [`The ${field.cs} field is required.`];
    } else if (field.kind === 'object' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      Object.assign(errors, checkRequired(field, v, `${key}.`));
    }
  }
  return errors;
}
