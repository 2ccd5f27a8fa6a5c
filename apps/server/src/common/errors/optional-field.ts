import { ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * A field that may be left out, and only left out: the field's other rules still apply to `null`.
 * class-validator's `@IsOptional()` skips every rule for `null` as well, so `{"password": null}`
 * passed validation and reached code that expected a string (scrypt threw; a NOT NULL column
 * refused it): a 500 for a client's mistake. `@IsOptional()` is therefore banned by the lint
 * configuration; a field for which `null` means something must say so with its own `@ValidateIf`.
 */
export function OptionalField(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
