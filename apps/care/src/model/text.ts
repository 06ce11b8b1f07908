import { Length, Matches } from 'class-validator';

/**
 * Free text a person types (a title, a note, an evidence, a key): 1 to `max` characters, and not
 * blank. Length alone lets "   " through, which then reads as a value nobody gave.
 */
export function Text(max: number): PropertyDecorator {
  const length = Length(1, max, { message: `must be 1 to ${max} characters` });
  const notBlank = Matches(/\S/, { message: 'must not be blank' });
  return (target, key) => {
    length(target, key);
    notBlank(target, key);
  };
}
