/** Settings by name, as in process.env. */
export type Environment = Record<string, string | undefined>;

/** A whole number from the environment, or `fallback` when unset; anything else stops the app with the setting's name. */
export function wholeNumberFromEnvironment(name: string, fallback: number, minimum = 1, env: Environment = process.env) {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < minimum) throw new Error(`${name} must be a whole number, ${minimum} or more (it is "${value}").`);
  return number;
}
